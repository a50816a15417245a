"use client";

import { useActionState } from "react";
import { bindFields, Field, FormMessage } from "@/components/forms/field";
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
  // A recorded adjustment starts the form afresh; a refused one keeps what was typed.
  const bind = bindFields(state?.ok === false ? state : null, { leaveTypeId: types[0]?.id, effectiveDate: defaultDate });
  return (
    <form action={action} className="flex flex-col gap-4" noValidate aria-label="Adjust balance" data-testid="adjust-balance">
      <input type="hidden" name="employeeId" value={employeeId} />
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      {/* Remounted per result: a refused form keeps what was typed, a recorded one starts afresh. */}
      <div key={`${token}-${JSON.stringify(state?.values ?? null)}`} className="grid gap-4 sm:grid-cols-2">
        <Field {...bind("leaveTypeId")} as="select" label="Leave type" required options={types.map((type) => ({ value: type.id, label: type.name }))} />
        <Field {...bind("effectiveDate")} label="Takes effect on" type="date" required hint="It counts in the balance from this date." />
        <Field
          {...bind("days")}
          label="Days"
          required
          placeholder="2 or -1.5"
          hint="Positive adds leave, negative removes it; half days allowed."
          autoComplete="off"
        />
        <Field {...bind("reason")} as="textarea" label="Reason" required hint="Shown on the ledger line, to the employee too." className="sm:col-span-2" />
      </div>
      <div>
        <SubmitButton isPending={isPending} pendingLabel="Recording…">
          Record adjustment
        </SubmitButton>
      </div>
    </form>
  );
}
