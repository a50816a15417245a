"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { useFocusOnError } from "@/components/forms/use-focus-on-error";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import { addAdjustmentAction } from "./actions";

type Option = { id: string; label: string };

// Codes people use most; any other code in capitals works too.
const SUGGESTED_CODES = ["BONUS", "COMMISSION", "OVERTIME", "EXPENSES", "ADVANCE_RECOVERY", "OVERPAYMENT_RECOVERY"];

// Selects are keyed by the value last submitted: React applies a select's defaultValue only when it
// mounts, and resets the form after every submission, so after a refused submit an unkeyed select
// would jump back to its first default while the other fields keep what was typed.
// A one-off addition or deduction for one employee and one period. With `periodStart` the period
// is fixed (a run's page); without it the person picks any day of the period.
export function AdjustmentForm({ employees, periodStart, today }: { employees: Option[]; periodStart?: string; today: string }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(addAdjustmentAction, null);
  const formRef = useFocusOnError(state);
  const values = state?.ok ? undefined : state?.values;
  const error = (name: string) => (state?.ok ? undefined : state?.fields?.[name]);
  return (
    <form ref={formRef} action={action} className="flex flex-col gap-4" data-testid="adjustment-form" noValidate>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field
          key={`employeeId-${values?.employeeId}`}
          as="select"
          name="employeeId"
          label="Employee"
          required
          defaultValue={values?.employeeId ?? ""}
          error={error("employeeId")}
        >
          <option value="">Choose…</option>
          {employees.map((employee) => (
            <option key={employee.id} value={employee.id}>
              {employee.label}
            </option>
          ))}
        </Field>
        {periodStart ? (
          <input type="hidden" name="periodStart" value={periodStart} />
        ) : (
          <Field
            type="date"
            name="periodStart"
            label="Pay period"
            hint="Any day in the period; the one-off joins that period's run."
            required
            defaultValue={values?.periodStart ?? today}
            error={error("periodStart")}
          />
        )}
        <Field
          key={`kind-${values?.kind}`}
          as="select"
          name="kind"
          label="Addition or deduction"
          required
          defaultValue={values?.kind ?? "EARNING"}
          error={error("kind")}
        >
          <option value="EARNING">Addition (paid, e.g. a bonus)</option>
          <option value="DEDUCTION">Deduction (taken from net pay, e.g. an advance recovery)</option>
        </Field>
        <Field
          name="code"
          label="Code"
          list="adjustment-codes"
          required
          defaultValue={values?.code ?? "BONUS"}
          hint="Capitals, as registers and the journal group it."
          error={error("code")}
        />
        <Field name="name" label="Shown on the payslip as" required defaultValue={values?.name ?? ""} placeholder="Annual bonus" error={error("name")} />
        <Field name="amount" label="Amount" inputMode="decimal" required defaultValue={values?.amount ?? ""} placeholder="500.00" error={error("amount")} />
      </div>
      <datalist id="adjustment-codes">
        {SUGGESTED_CODES.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      <Field as="textarea" name="reason" label="Reason" required defaultValue={values?.reason ?? ""} placeholder="Targets met in Q3" error={error("reason")} />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="isTaxable" defaultChecked={values ? values.isTaxable === "on" : true} className="size-4 rounded border-slate-300" />
        Taxable (an addition counts towards tax and contributions; deductions are always taken after tax)
      </label>
      <FormMessage state={state} />
      <div>
        <Button type="submit" disabled={isPending} data-testid="add-adjustment">
          {isPending ? "Adding…" : "Add one-off"}
        </Button>
      </div>
    </form>
  );
}
