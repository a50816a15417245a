"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms";
import { approveRunAction, payRunAction } from "../../actions";

// Approve and pay need PostgreSQL: while the app serves from its SQLite copy the buttons are
// disabled and say why (the server refuses as well).
export function DecisionButton({
  runId,
  kind,
  unavailableReason,
  blockedReason,
}: {
  runId: string;
  kind: "approve" | "pay";
  unavailableReason?: string;
  blockedReason?: string;
}) {
  const [state, action, isPending] = useActionState<FormState, FormData>(kind === "approve" ? approveRunAction : payRunAction, null);
  const reason = unavailableReason ?? blockedReason;
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="runId" value={runId} />
      <Button type="submit" variant="success" disabled={Boolean(reason) || isPending} data-testid={`${kind}-run`}>
        {kind === "approve" ? "Approve run" : "Mark paid"}
      </Button>
      {reason && (
        <p className="max-w-xs text-xs text-slate-600" data-testid={`${kind}-disabled-reason`}>
          {reason}
        </p>
      )}
      {state?.message && (
        <p role={state.ok ? "status" : "alert"} className={`max-w-xs text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
