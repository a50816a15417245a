"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import { changeRoleAction, setActiveAction } from "./actions";

function Feedback({ state }: { state: { ok?: boolean; message?: string } | null }) {
  if (!state?.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`max-w-xs text-xs ${state.ok ? "text-emerald-700" : "text-rose-700"}`} data-testid="row-message">
      {state.message}
    </p>
  );
}

export function RoleForm({ userId, role, email }: { userId: string; role: Role; email: string }) {
  const [state, action, isPending] = useActionState(changeRoleAction, null);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={`role-${userId}`} className="sr-only">
          Role of {email}
        </label>
        <select
          id={`role-${userId}`}
          name="role"
          defaultValue={role}
          className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none"
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
        <Button type="submit" disabled={isPending} variant="secondary" size="sm">
          {isPending ? "Saving…" : "Save"}
        </Button>
      </div>
      <Feedback state={state} />
    </form>
  );
}

export function ActiveToggle({ userId, email, isActive, isSelf }: { userId: string; email: string; isActive: boolean; isSelf: boolean }) {
  const [state, action, isPending] = useActionState(setActiveAction, null);
  const formId = useId();
  const label = isActive ? "Deactivate" : "Activate";
  return (
    <form id={formId} action={action} className="flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="isActive" value={isActive ? "false" : "true"} />
      <ConfirmDialog
        trigger={
          <Button
            size="sm"
            variant={isActive ? "danger-outline" : "success"}
            disabled={isPending || (isActive && isSelf)}
            title={isActive && isSelf ? "You cannot deactivate your own account." : undefined}
          >
            {isPending ? "Saving…" : label}
          </Button>
        }
        title={`${label} ${email}?`}
        description={isActive ? "They are signed out at once and their API tokens stop working." : "They can sign in again with their existing password."}
        confirmLabel={label}
        cancelLabel="Cancel"
        variant={isActive ? "danger" : "success"}
        form={formId}
      />
      <Feedback state={state} />
    </form>
  );
}
