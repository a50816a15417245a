"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { useFocusOnError } from "@/components/forms/use-focus-on-error";
import { SubmitButton } from "@/components/ui/button";
import { requestCorrectionAction } from "./actions";

// Asks the manager to set one session of a day: a forgotten check-out, a day worked away from the
// browser. Nothing changes until it is approved.
export function CorrectionForm({ today, defaultDate, timeZone }: { today: string; defaultDate?: string; timeZone: string }) {
  const [state, action, isPending] = useActionState(requestCorrectionAction, null);
  const values = state?.ok ? {} : (state?.values ?? {});
  const formRef = useFocusOnError(state);
  return (
    <form ref={formRef} action={action} className="flex flex-col gap-4" noValidate data-testid="correction-form">
      <FormMessage state={state} />
      <Field name="date" label="Day" type="date" required max={today} defaultValue={values.date ?? defaultDate ?? ""} error={state?.fields?.date} />
      <div className="grid grid-cols-2 gap-3">
        <Field name="checkIn" label="Check-in" type="time" required defaultValue={values.checkIn ?? ""} error={state?.fields?.checkIn} />
        <Field name="checkOut" label="Check-out" type="time" required defaultValue={values.checkOut ?? ""} error={state?.fields?.checkOut} />
      </div>
      <p className="-mt-2 text-xs text-slate-500">Times in {timeZone}. This replaces the session recorded that day, if there is one.</p>
      <Field
        name="reason"
        label="What happened"
        as="textarea"
        required
        defaultValue={values.reason ?? ""}
        error={state?.fields?.reason}
        placeholder="e.g. Forgot to check out; left at 17:40"
      />
      <SubmitButton isPending={isPending} pendingLabel="Sending…" className="self-start">
        Request correction
      </SubmitButton>
    </form>
  );
}
