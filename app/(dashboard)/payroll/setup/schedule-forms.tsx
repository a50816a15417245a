"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { useFocusOnError } from "@/components/forms/use-focus-on-error";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import { BRACKET_ROWS } from "@/lib/validations/payroll";
import { createScheduleAction, createTaxYearAction, saveEmployerAction } from "./actions";

// Selects are keyed by the value last submitted: React applies a select's defaultValue only when it
// mounts, and resets the form after every submission, so after a refused submit an unkeyed select
// would jump back to its first default while the other fields keep what was typed.
function useForm(action: (state: FormState, form: FormData) => Promise<FormState>) {
  const [state, dispatch, isPending] = useActionState<FormState, FormData>(action, null);
  const formRef = useFocusOnError(state);
  const values = state?.ok ? undefined : state?.values;
  const error = (name: string) => (state?.ok ? undefined : state?.fields?.[name]);
  return { state, dispatch, isPending, formRef, values, error };
}

export function ScheduleForm({ ukYears }: { ukYears: string }) {
  const { state, dispatch, isPending, formRef, values, error } = useForm(createScheduleAction);
  return (
    <form ref={formRef} action={dispatch} className="flex flex-col gap-4" data-testid="schedule-form" noValidate>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field name="code" label="Code" required placeholder="UK_WEEKLY" defaultValue={values?.code} error={error("code")} />
        <Field name="name" label="Name" required placeholder="UK weekly" defaultValue={values?.name} error={error("name")} />
        <Field
          key={`frequency-${values?.frequency}`}
          as="select"
          name="frequency"
          label="Paid"
          required
          defaultValue={values?.frequency ?? "MONTHLY"}
          error={error("frequency")}
        >
          <option value="MONTHLY">Monthly</option>
          <option value="SEMI_MONTHLY">Twice a month (1st–15th, 16th–end)</option>
          <option value="BI_WEEKLY">Every two weeks</option>
          <option value="WEEKLY">Weekly</option>
        </Field>
        <Field
          type="date"
          name="anchorDate"
          label="First day of a period"
          hint="Weekly and two-weekly schedules only: any period's first day."
          defaultValue={values?.anchorDate}
          error={error("anchorDate")}
        />
        <Field
          key={`taxRules-${values?.taxRules}`}
          as="select"
          name="taxRules"
          label="Tax rules"
          required
          defaultValue={values?.taxRules ?? "UK"}
          error={error("taxRules")}
        >
          <option value="UK">UK PAYE and National Insurance (shipped preset: {ukYears})</option>
          <option value="BRACKETS">Progressive brackets (the tax years below)</option>
          <option value="NONE">No taxes</option>
        </Field>
        <Field
          name="taxYearStart"
          label="Tax year starts on (MM-DD)"
          required
          defaultValue={values?.taxYearStart ?? "04-06"}
          hint="04-06 in the UK; 01-01 for a calendar year."
          error={error("taxYearStart")}
        />
        <Field
          key={`prorationBasis-${values?.prorationBasis}`}
          as="select"
          name="prorationBasis"
          label="Part periods paid by"
          defaultValue={values?.prorationBasis ?? "CALENDAR_DAYS"}
          error={error("prorationBasis")}
        >
          <option value="CALENDAR_DAYS">Calendar days</option>
          <option value="WORKING_DAYS">Working days</option>
        </Field>
        <Field
          type="number"
          name="flagChangePercent"
          label="Flag a change of net pay above (%)"
          min={1}
          max={100}
          defaultValue={values?.flagChangePercent ?? "20"}
          error={error("flagChangePercent")}
        />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="deductAbsences" defaultChecked={values?.deductAbsences === "on"} className="size-4 rounded border-slate-300" />
        Days without attendance are unpaid
      </label>
      <FormMessage state={state} />
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Creating…" : "Create schedule"}
        </Button>
      </div>
    </form>
  );
}

export function TaxYearForm() {
  const { state, dispatch, isPending, formRef, values, error } = useForm(createTaxYearAction);
  const bracketError = Object.entries(state?.ok ? {} : (state?.fields ?? {})).find(([field]) => field.startsWith("brackets"))?.[1];
  return (
    <form ref={formRef} action={dispatch} className="flex flex-col gap-4" data-testid="tax-year-form" noValidate>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field
          name="code"
          label="Tax code"
          required
          placeholder="INCOME_TAX"
          hint="Years of one tax share a code."
          defaultValue={values?.code}
          error={error("code")}
        />
        <Field name="name" label="Shown on payslips as" required placeholder="Income tax" defaultValue={values?.name} error={error("name")} />
        <Field
          key={`method-${values?.method}`}
          as="select"
          name="method"
          label="Each period is taxed"
          defaultValue={values?.method ?? "CUMULATIVE"}
          error={error("method")}
        >
          <option value="CUMULATIVE">Cumulatively (pay to date against the year so far)</option>
          <option value="NON_CUMULATIVE">On its own (its share of the year)</option>
          <option value="ANNUALISED">Annualised (as if every period paid the same)</option>
        </Field>
        <Field type="date" name="startsOn" label="Year starts" required defaultValue={values?.startsOn} error={error("startsOn")} />
        <Field type="date" name="endsOn" label="Year ends" required defaultValue={values?.endsOn} error={error("endsOn")} />
        <Field name="allowance" label="Tax-free allowance a year" inputMode="decimal" defaultValue={values?.allowance ?? "0"} error={error("allowance")} />
      </div>
      <fieldset className="flex flex-col gap-2" aria-describedby="bracket-help">
        <legend className="text-sm font-semibold text-slate-700">Brackets</legend>
        <p id="bracket-help" className="text-xs text-slate-500">
          Annual amounts above the allowance, lowest first. Leave the last bracket&apos;s upper bound empty.
        </p>
        <div className="grid max-w-md grid-cols-[1fr_8rem] gap-2 text-sm">
          <span className="font-medium text-slate-700">Up to</span>
          <span className="font-medium text-slate-700">Rate (%)</span>
          {Array.from({ length: BRACKET_ROWS }, (_, index) => (
            <div key={index} className="contents">
              <input
                name={`upTo.${index}`}
                aria-label={`Bracket ${index + 1}: up to`}
                inputMode="decimal"
                defaultValue={values?.[`upTo.${index}`] ?? ""}
                className="h-9 rounded-md border border-slate-300 px-2"
              />
              <input
                name={`rate.${index}`}
                aria-label={`Bracket ${index + 1}: rate in percent`}
                inputMode="decimal"
                defaultValue={values?.[`rate.${index}`] ?? ""}
                className="h-9 rounded-md border border-slate-300 px-2"
              />
            </div>
          ))}
        </div>
        {bracketError && (
          <p className="text-xs font-medium text-rose-700" data-testid="error-brackets">
            {bracketError}
          </p>
        )}
      </fieldset>
      <FormMessage state={state} />
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Creating…" : "Create tax year"}
        </Button>
      </div>
    </form>
  );
}

export function EmployerForm({ initial }: { initial: { name: string; iban: string; bic: string } }) {
  const { state, dispatch, isPending, formRef, values, error } = useForm(saveEmployerAction);
  return (
    <form ref={formRef} action={dispatch} className="flex flex-col gap-4" data-testid="employer-form" noValidate>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="name" label="Employer name" required defaultValue={values?.name ?? initial.name} error={error("name")} />
        <Field name="iban" label="IBAN paid from" defaultValue={values?.iban ?? initial.iban} error={error("iban")} />
        <Field name="bic" label="BIC" defaultValue={values?.bic ?? initial.bic} error={error("bic")} />
      </div>
      <FormMessage state={state} />
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save employer"}
        </Button>
      </div>
    </form>
  );
}
