"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { changePasswordAction } from "./actions";
import { SubmitButton } from "@/components/ui/button";

export function ChangePasswordForm() {
  const [state, action, isPending] = useActionState(changePasswordAction, null);
  return (
    // React resets the inputs after each submission, so no password lingers in the page.
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" required error={state?.fields?.currentPassword} />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters."
        error={state?.fields?.newPassword}
      />
      <Field
        name="confirmPassword"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        error={state?.fields?.confirmPassword}
      />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="keepTokens" className="size-4 rounded border-slate-300" />
        Keep my personal access tokens working (otherwise they are revoked)
      </label>
      <SubmitButton isPending={isPending} pendingLabel="Changing…" className="self-start">
        Change password
      </SubmitButton>
    </form>
  );
}
