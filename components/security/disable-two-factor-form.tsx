"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { disableTwoFactorAction } from "@/app/(dashboard)/settings/security/actions";

export function DisableTwoFactorForm() {
  const [state, action, isPending] = useActionState(disableTwoFactorAction, null);
  return (
    <ActionForm
      action={action}
      state={state}
      isPending={isPending}
      submit={{ label: "Turn off two-factor sign-in", pendingLabel: "Turning off…", variant: "danger-outline", className: "self-start" }}
      className="max-w-md gap-3"
    >
      <Field name="password" label="Your password" type="password" autoComplete="current-password" required error={state?.fields?.password} />
    </ActionForm>
  );
}
