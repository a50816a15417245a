"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { bindFields, Field } from "@/components/forms/field";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const [state, action, isPending] = useActionState(changePasswordAction, null);
  const bind = bindFields(state);
  return (
    // React resets the inputs after each submission, so no password lingers in the page.
    <ActionForm
      action={action}
      state={state}
      isPending={isPending}
      submit={{ label: "Change password", pendingLabel: "Changing…", className: "self-start" }}
      className="max-w-md"
    >
      <Field {...bind("currentPassword")} label="Current password" type="password" autoComplete="current-password" required />
      <Field {...bind("newPassword")} label="New password" type="password" autoComplete="new-password" required hint="At least 12 characters." />
      <Field {...bind("confirmPassword")} label="Repeat the new password" type="password" autoComplete="new-password" required />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="keepTokens" className="size-4 rounded border-slate-300" />
        Keep my personal access tokens working (otherwise they are revoked)
      </label>
    </ActionForm>
  );
}
