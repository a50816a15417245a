"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/lib/forms";
import { adjustBalanceAction } from "./actions";
import { SubmitButton } from "@/components/ui/button";

type Props = {
  employeeId: string;
  types: { id: string; name: string }[];
  defaultDate: string;
  // A fresh token with each page render: a double submit records the adjustment once.
  token: string;
};

export function AdjustBalanceForm({ employeeId, types, defaultDate, token }: Props) {
  const [state, action, isPending] = useActionState<FormState, FormData>(adjustBalanceAction, null);
  const values = state?.ok === false ? (state.values ?? {}) : {};
  const errors = state?.fields ?? {};
  return (
    <form action={action} className="flex flex-col gap-4" noValidate aria-label="Adjust balance" data-testid="adjust-balance">
      <input type="hidden" name="employeeId" value={employeeId} />
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      {/* Remounted per result: a refused form keeps what was typed, a recorded one starts afresh. */}
      <div key={`${token}-${JSON.stringify(state?.values ?? null)}`} className="grid gap-4 sm:grid-cols-2">
        <Field as="select" name="leaveTypeId" label="Leave type" required defaultValue={values.leaveTypeId ?? types[0]?.id ?? ""} error={errors.leaveTypeId}>
          {types.map((type) => (
            <option key={type.id} value={type.id}>
              {type.name}
            </option>
          ))}
        </Field>
        <Field
          name="effectiveDate"
          label="Takes effect on"
          type="date"
          required
          defaultValue={values.effectiveDate ?? defaultDate}
          error={errors.effectiveDate}
          hint="It counts in the balance from this date."
        />
        <Field
          name="days"
          label="Days"
          required
          defaultValue={values.days ?? ""}
          error={errors.days}
          placeholder="2 or -1.5"
          hint="Positive adds leave, negative removes it; half days allowed."
          autoComplete="off"
        />
        <Field
          as="textarea"
          name="reason"
          label="Reason"
          required
          defaultValue={values.reason ?? ""}
          error={errors.reason}
          hint="Shown on the ledger line, to the employee too."
          className="sm:col-span-2"
        />
      </div>
      <div>
        <SubmitButton isPending={isPending} pendingLabel="Recording…">
          Record adjustment
        </SubmitButton>
      </div>
    </form>
  );
}
