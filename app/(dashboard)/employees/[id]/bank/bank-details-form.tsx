"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { useFocusOnError } from "@/components/forms/use-focus-on-error";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import { saveBankDetailsAction } from "./actions";

type Details = { bankAccountName: string; iban: string; bic: string; sortCode: string; bankAccountNumber: string };

// An IBAN (with its BIC) or a UK sort code and account number, or both; checked on the server.
export function BankDetailsForm({ employeeId, version, initial }: { employeeId: string; version: number; initial: Details }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(saveBankDetailsAction, null);
  const formRef = useFocusOnError(state);
  const values = state?.ok ? undefined : state?.values;
  const error = (name: string) => (state?.ok ? undefined : state?.fields?.[name]);
  const value = (name: keyof Details) => values?.[name] ?? initial[name];
  return (
    <form ref={formRef} action={action} className="flex flex-col gap-5" data-testid="bank-details-form" noValidate>
      <input type="hidden" name="employeeId" value={employeeId} />
      <input type="hidden" name="version" value={version} />
      <Field name="bankAccountName" label="Account holder" autoComplete="name" defaultValue={value("bankAccountName")} error={error("bankAccountName")} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-700">International (IBAN)</legend>
        <Field name="iban" label="IBAN" placeholder="GB29 NWBK 6016 1331 9268 19" defaultValue={value("iban")} error={error("iban")} />
        <Field name="bic" label="BIC" placeholder="NWBKGB2L" defaultValue={value("bic")} error={error("bic")} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-700">UK account</legend>
        <Field name="sortCode" label="Sort code" inputMode="numeric" placeholder="60-16-13" defaultValue={value("sortCode")} error={error("sortCode")} />
        <Field
          name="bankAccountNumber"
          label="Account number"
          inputMode="numeric"
          placeholder="31926819"
          defaultValue={value("bankAccountNumber")}
          error={error("bankAccountNumber")}
        />
      </fieldset>
      <FormMessage state={state} />
      <div>
        <Button type="submit" disabled={isPending} data-testid="save-bank-details">
          {isPending ? "Saving…" : "Save bank details"}
        </Button>
      </div>
    </form>
  );
}
