"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { useFocusOnError } from "@/components/forms/use-focus-on-error";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import { correctPayslipAction } from "../actions";

// "Correct": the gross pay this payslip should have had, and why. The payslip itself stays as paid.
export function CorrectPayslipForm({ payslipId, paidGross }: { payslipId: string; paidGross: string }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(correctPayslipAction, null);
  const formRef = useFocusOnError(state);
  const values = state?.ok ? undefined : state?.values;
  const error = (name: string) => (state?.ok ? undefined : state?.fields?.[name]);
  return (
    <form ref={formRef} action={action} className="flex flex-col gap-4" data-testid="correct-payslip-form" noValidate>
      <input type="hidden" name="payslipId" value={payslipId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="correctedGross"
          label="Gross pay should have been"
          inputMode="decimal"
          required
          hint={`Paid: ${paidGross}. More becomes arrears, less a reversal.`}
          defaultValue={values?.correctedGross ?? ""}
          error={error("correctedGross")}
        />
        <Field
          as="textarea"
          name="reason"
          label="What was wrong"
          required
          placeholder="Overtime of 12 hours was missed"
          defaultValue={values?.reason ?? ""}
          error={error("reason")}
        />
      </div>
      <FormMessage state={state} />
      <div>
        <Button type="submit" disabled={isPending} data-testid="correct-payslip">
          {isPending ? "Saving…" : "Correct in the next open run"}
        </Button>
      </div>
    </form>
  );
}
