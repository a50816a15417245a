"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { signInAction } from "./actions";
import { SubmitButton } from "@/components/ui/button";

export function SignInForm({ next }: { next: string }) {
  const [state, action, isPending] = useActionState(signInAction, null);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <Field name="email" label="Email" type="email" autoComplete="username" required defaultValue={state?.values?.email} error={state?.fields?.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required error={state?.fields?.password} />
      <SubmitButton isPending={isPending} pendingLabel="Signing in…" className="mt-2">
        Sign in
      </SubmitButton>
    </form>
  );
}
