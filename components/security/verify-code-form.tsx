"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { verifyCodeAction } from "@/app/(auth)/sign-in/two-factor/actions";

export function VerifyCodeForm({ next }: { next: string }) {
  const [state, action, isPending] = useActionState(verifyCodeAction, null);
  return (
    <ActionForm action={action} state={state} isPending={isPending} submit={{ label: "Verify", pendingLabel: "Checking…", className: "mt-2" }}>
      <input type="hidden" name="next" value={next} />
      <Field
        name="code"
        label="Code"
        autoComplete="one-time-code"
        required
        hint="The 6 digits from your authenticator app, or one of your recovery codes."
        error={state?.fields?.code}
      />
    </ActionForm>
  );
}
