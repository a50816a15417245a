"use client";

import { useActionState } from "react";
import { endUserSessionsAction } from "@/app/(dashboard)/admin/users/session-actions";

export function EndUserSessionsButton({ userId, email }: { userId: string; email: string }) {
  const [state, action, isPending] = useActionState(endUserSessionsAction, null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Sign ${email} out of every browser?`)) event.preventDefault();
      }}
      className="flex flex-col items-start gap-1"
    >
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={isPending} className="text-xs font-medium text-rose-700 hover:underline disabled:opacity-60">
        {isPending ? "Signing out…" : "Sign out everywhere"}
      </button>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-slate-600" : "text-rose-700"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
