"use client";

import { useActionState, useId } from "react";
import { endUserSessionsAction } from "@/app/(dashboard)/admin/users/session-actions";
import { ConfirmDialog } from "@/components/ui/dialog";

export function EndUserSessionsButton({ userId, email }: { userId: string; email: string }) {
  const [state, action, isPending] = useActionState(endUserSessionsAction, null);
  const formId = useId();
  return (
    <form id={formId} action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="userId" value={userId} />
      <ConfirmDialog
        trigger={
          <button type="button" disabled={isPending} className="text-xs font-medium text-rose-700 hover:underline disabled:opacity-60">
            {isPending ? "Signing out…" : "Sign out everywhere"}
          </button>
        }
        title={`Sign ${email} out of every browser?`}
        confirmLabel="Sign out everywhere"
        cancelLabel="Cancel"
        form={formId}
      />
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-slate-600" : "text-rose-700"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
