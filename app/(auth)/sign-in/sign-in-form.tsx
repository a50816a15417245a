"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { bindFields, Field } from "@/components/forms/field";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const [state, action, isPending] = useActionState(signInAction, null);
  const bind = bindFields(state);
  return (
    <ActionForm action={action} state={state} isPending={isPending} submit={{ label: "Sign in", pendingLabel: "Signing in…", className: "mt-2" }}>
      <input type="hidden" name="next" value={next} />
      <Field {...bind("email")} label="Email" type="email" autoComplete="username" required />
      <Field {...bind("password")} label="Password" type="password" autoComplete="current-password" required />
    </ActionForm>
  );
}
