"use client";

import { useActionState, useState } from "react";
import { bindFields, Field, FormMessage } from "@/components/forms/field";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { SecretBox } from "../../settings/secret-box";
import { createSignInAction } from "./actions";
import { SubmitButton } from "@/components/ui/button";

type EmployeeOption = { id: string; firstName: string; lastName: string; employeeNumber: string; workEmail: string };

export function CreateSignInForm({ employees }: { employees: EmployeeOption[] }) {
  const [state, action, isPending] = useActionState(createSignInAction, null);
  const [mode, setMode] = useState<"generate" | "type">("generate");
  // A created sign-in starts the form afresh.
  const bind = bindFields(state?.ok ? null : state, { role: "EMPLOYEE" });
  if (employees.length === 0 && !state?.ok) return <p className="text-sm text-slate-600">Every current employee already has a sign-in.</p>;
  return (
    <div className="flex flex-col gap-4">
      {state?.generatedPassword ? (
        <SecretBox
          label={`Initial password for ${state.email}`}
          secret={state.generatedPassword}
          warning="Copy it now and pass it on securely: it is shown only this once. They can change it in Settings after signing in."
        />
      ) : (
        <FormMessage state={state} />
      )}
      <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
        <Field
          {...bind("employeeId")}
          label="Employee"
          as="select"
          required
          emptyLabel="Choose an employee…"
          options={employees.map((employee) => ({ value: employee.id, label: `${employee.lastName}, ${employee.firstName} (${employee.employeeNumber})` }))}
        />
        <Field {...bind("email")} label="Sign-in email" type="email" hint="Leave blank to use their work email." />
        <Field {...bind("role")} label="Role" as="select" required options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))} />
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium text-slate-700">Initial password</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="passwordMode" value="generate" checked={mode === "generate"} onChange={() => setMode("generate")} />
            Generate one and show it to me once
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="passwordMode" value="type" checked={mode === "type"} onChange={() => setMode("type")} />I will type it
          </label>
        </fieldset>
        {mode === "type" && (
          <Field
            {...bind("password")}
            label="Password"
            type="password"
            autoComplete="new-password"
            required
            hint="At least 12 characters."
            className="sm:col-span-2"
          />
        )}
        <div className="sm:col-span-2">
          <SubmitButton isPending={isPending} pendingLabel="Creating…">
            Create sign-in
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
