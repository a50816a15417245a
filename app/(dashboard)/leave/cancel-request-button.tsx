"use client";

import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { Button, buttonClass } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { FormState } from "@/lib/forms";
import { cancelLeaveRequestAction } from "./actions";

type Props = { id: string; version: number; period: string; needsAgreement: boolean; returnTo: string; compact?: boolean };

// Cancelling asks first, in a dialog: it cannot be undone (a new request would be needed), and
// leave that has started goes to the approver rather than being cancelled at once. On success the
// action returns to `returnTo` with a notice.
export function CancelRequestButton({ id, version, period, needsAgreement, returnTo, compact = false }: Props) {
  const [state, formAction, isPending] = useActionState<FormState, FormData>(cancelLeaveRequestAction, null);
  const label = needsAgreement ? "Request cancellation" : compact ? "Cancel" : "Cancel request";
  const error = state && !state.ok ? (state.fields?.version ?? state.fields?.reason ?? state.message) : null;

  return (
    <Dialog>
      <DialogTrigger asChild>
        <button
          type="button"
          className={compact ? "text-sm font-medium text-rose-700 hover:underline" : buttonClass({ variant: "danger-outline" })}
          data-testid="cancel-request"
        >
          {label}
          {compact && <span className="sr-only"> leave of {period}</span>}
        </button>
      </DialogTrigger>
      <DialogContent
        title={needsAgreement ? "Ask to cancel this leave?" : "Cancel this leave request?"}
        description={`${period}. ${
          needsAgreement
            ? "It has already started, so your approver decides; until then it stands."
            : "This cannot be undone; to take the days after all, make a new request. Any approved days go back to the balance."
        }`}
      >
        <form action={formAction} className="flex flex-col gap-4">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <Field name="reason" label="Reason (optional)" as="textarea" maxLength={500} />
          {error && (
            <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
              {error}
            </p>
          )}
          <div className="flex flex-wrap justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Keep it</Button>
            </DialogClose>
            <Button type="submit" variant="danger" disabled={isPending} data-testid="confirm-cancel">
              {isPending ? "Cancelling…" : needsAgreement ? "Request cancellation" : "Cancel request"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
