"use client";

import { useActionState, useRef } from "react";
import { INPUT_CLASS } from "@/components/forms/field";
import type { FormState } from "@/lib/forms";
import { cancelLeaveRequestAction } from "./actions";

type Props = { id: string; version: number; period: string; needsAgreement: boolean; returnTo: string; compact?: boolean };

// Cancelling asks first, in a dialog: it cannot be undone (a new request would be needed), and
// leave that has started goes to the approver rather than being cancelled at once. On success the
// action returns to `returnTo` with a notice.
export function CancelRequestButton({ id, version, period, needsAgreement, returnTo, compact = false }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [state, formAction, isPending] = useActionState<FormState, FormData>(cancelLeaveRequestAction, null);
  const label = needsAgreement ? "Request cancellation" : compact ? "Cancel" : "Cancel request";
  const error = state && !state.ok ? (state.fields?.version ?? state.fields?.reason ?? state.message) : null;

  return (
    <>
      <button
        type="button"
        onClick={() => dialogRef.current?.showModal()}
        className={compact ? "text-sm font-medium text-rose-700 hover:underline" : "inline-flex h-10 items-center rounded-md bg-white px-4 text-sm font-medium text-rose-700 shadow-sm ring-1 ring-rose-300 hover:bg-rose-50"}
        data-testid="cancel-request"
      >
        {label}
        {compact && <span className="sr-only"> leave of {period}</span>}
      </button>
      <dialog ref={dialogRef} aria-labelledby={`cancel-title-${id}`} className="m-auto w-full max-w-md rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={formAction} className="flex flex-col gap-4 p-6">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <h2 id={`cancel-title-${id}`} className="text-lg font-semibold">
            {needsAgreement ? "Ask to cancel this leave?" : "Cancel this leave request?"}
          </h2>
          <p className="text-sm text-slate-600">
            {period}.{" "}
            {needsAgreement
              ? "It has already started, so your approver decides; until then it stands."
              : "This cannot be undone; to take the days after all, make a new request. Any approved days go back to the balance."}
          </p>
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
            Reason <span className="font-normal text-slate-500">(optional)</span>
            <textarea name="reason" rows={3} maxLength={500} className={INPUT_CLASS} />
          </label>
          {error && (
            <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => dialogRef.current?.close()} className="inline-flex h-10 items-center rounded-md bg-white px-4 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50">
              Keep it
            </button>
            <button type="submit" disabled={isPending} className="inline-flex h-10 items-center rounded-md bg-rose-600 px-4 text-sm font-semibold text-white shadow-sm hover:bg-rose-700 disabled:opacity-60" data-testid="confirm-cancel">
              {isPending ? "Cancelling…" : needsAgreement ? "Request cancellation" : "Cancel request"}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
