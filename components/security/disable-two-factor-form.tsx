"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { disableTwoFactorAction } from "@/app/(dashboard)/settings/security/actions";
import { SubmitButton } from "@/components/ui/button";

export function DisableTwoFactorForm() {
  const [state, action, isPending] = useActionState(disableTwoFactorAction, null);
  return (
    <form action={action} className="flex max-w-md flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <Field name="password" label="Your password" type="password" autoComplete="current-password" required error={state?.fields?.password} />
      <SubmitButton isPending={isPending} pendingLabel="Turning off…" variant="danger-outline" className="self-start">
        Turn off two-factor sign-in
      </SubmitButton>
    </form>
  );
}
