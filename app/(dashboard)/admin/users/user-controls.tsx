"use client";

import { useActionState } from "react";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import { changeRoleAction, setActiveAction } from "./actions";

const SMALL_BUTTON = "rounded-md px-3 py-1.5 text-sm font-medium shadow-sm disabled:opacity-60";

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
        <button type="submit" disabled={isPending} className={`${SMALL_BUTTON} bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50`}>
          {isPending ? "Saving…" : "Save"}
        </button>
      </div>
      <Feedback state={state} />
    </form>
  );
}

export function ActiveToggle({ userId, email, isActive, isSelf }: { userId: string; email: string; isActive: boolean; isSelf: boolean }) {
  const [state, action, isPending] = useActionState(setActiveAction, null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        const question = isActive
          ? `Deactivate ${email}? They are signed out at once and their API tokens stop working.`
          : `Activate ${email}? They can sign in again with their existing password.`;
        if (!window.confirm(question)) event.preventDefault();
      }}
      className="flex flex-col gap-1"
    >
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="isActive" value={isActive ? "false" : "true"} />
      <button
        type="submit"
        disabled={isPending || (isActive && isSelf)}
        title={isActive && isSelf ? "You cannot deactivate your own account." : undefined}
        className={`${SMALL_BUTTON} ${isActive ? "bg-white text-rose-700 ring-1 ring-rose-300 hover:bg-rose-50" : "bg-emerald-600 text-white hover:bg-emerald-700"}`}
      >
        {isPending ? "Saving…" : isActive ? "Deactivate" : "Activate"}
      </button>
      <Feedback state={state} />
    </form>
  );
}
