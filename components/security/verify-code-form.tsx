"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { verifyCodeAction } from "@/app/(auth)/sign-in/two-factor/actions";
import { SubmitButton } from "@/components/ui/button";

export function VerifyCodeForm({ next }: { next: string }) {
  const [state, action, isPending] = useActionState(verifyCodeAction, null);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <Field
        name="code"
        label="Code"
        autoComplete="one-time-code"
        required
        hint="The 6 digits from your authenticator app, or one of your recovery codes."
        error={state?.fields?.code}
      />
      <SubmitButton isPending={isPending} pendingLabel="Checking…" className="mt-2">
        Verify
      </SubmitButton>
    </form>
  );
}
