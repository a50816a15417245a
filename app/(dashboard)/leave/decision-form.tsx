"use client";

import { useActionState, useId } from "react";
import { INPUT_CLASS } from "@/components/forms/field";
import { RecordRefInputs } from "@/components/forms/record-ref-inputs";
import type { FormState } from "@/lib/forms";
import { decideLeaveRequestAction } from "./actions";
import { buttonClass } from "@/components/ui/button";

// The two answers; on a cancellation request they agree to it or refuse it.
const DECISIONS = [
  { value: "approve", label: "Approve", cancellationLabel: "Agree to cancel", variant: "success" },
  { value: "reject", label: "Reject", cancellationLabel: "Refuse", variant: "danger-outline" },
] as const;

// The request being decided, as the approvals list and the request page both have it.
type Props = { request: { id: string; version: number; status: string; employee: { name: string } }; returnTo: string };

// Approve or reject in place, with a comment (required to reject, so the employee knows why). On
// success the action returns to `returnTo` with a notice.
export function DecisionForm({ request, returnTo }: Props) {
  const { id, version } = request;
  const isCancellation = request.status === "CANCELLATION_PENDING";
  const employeeName = request.employee.name;
  const [state, formAction, isPending] = useActionState<FormState, FormData>(decideLeaveRequestAction, null);
  const commentId = useId();
  const commentError = state?.fields?.comment;
  const otherError = state && !state.ok && !commentError ? (state.fields?.version ?? state.message) : null;

  return (
    <form action={formAction} className="flex flex-col gap-2" aria-label={`Decide on ${employeeName}'s ${isCancellation ? "cancellation" : "request"}`}>
      <RecordRefInputs record={{ id, version }} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <label htmlFor={commentId} className="text-sm font-medium text-slate-700">
        Comment <span className="font-normal text-slate-500">(needed to reject)</span>
      </label>
      <textarea
        id={commentId}
        name="comment"
        rows={2}
        maxLength={500}
        defaultValue={state?.values?.comment ?? ""}
        aria-invalid={commentError ? true : undefined}
        aria-describedby={commentError ? `${commentId}-error` : undefined}
        className={INPUT_CLASS}
      />
      {commentError && (
        <p id={`${commentId}-error`} className="text-xs font-medium text-rose-700" data-testid="error-comment">
          {commentError}
        </p>
      )}
      {otherError && (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {otherError}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {DECISIONS.map((decision) => (
          <button
            key={decision.value}
            type="submit"
            name="decision"
            value={decision.value}
            disabled={isPending}
            className={buttonClass({ variant: decision.variant, size: "sm" })}
            data-testid={decision.value}
          >
            {isCancellation ? decision.cancellationLabel : decision.label}
          </button>
        ))}
        {isPending && (
          <span className="self-center text-sm text-slate-500" role="status">
            Saving…
          </span>
        )}
      </div>
    </form>
  );
}
