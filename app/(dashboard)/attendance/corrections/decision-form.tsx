"use client";

import { useActionState } from "react";
import { FormMessage, INPUT_CLASS } from "@/components/forms/field";
import { decideCorrectionAction } from "./actions";

const BUTTON = "inline-flex h-9 items-center rounded-md px-3 text-sm font-semibold shadow-sm disabled:opacity-60";

export function DecisionForm({ id, version }: { id: string; version: number }) {
  const [state, action, isPending] = useActionState(decideCorrectionAction, null);
  const error = state?.fields?.comment;
  if (state?.ok) {
    return <FormMessage state={state} />;
  }
  return (
    <form
      action={action}
      className="flex flex-col gap-3"
      noValidate
      onSubmit={(event) => {
        // Rejecting tells the employee no; ask once before sending it.
        const decision = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
        if (decision === "REJECTED" && !window.confirm("Reject this correction? The employee will be told, with your comment.")) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      {/* Several of these forms share a page, so ids carry the correction id. */}
      <div className="flex flex-col gap-1">
        <label htmlFor={`comment-${id}`} className="text-sm font-medium text-slate-700">
          Comment
        </label>
        <textarea
          id={`comment-${id}`}
          name="comment"
          rows={2}
          defaultValue={state?.values?.comment ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={`comment-${id}-${error ? "error" : "hint"}`}
          className={INPUT_CLASS}
        />
        {error ? (
          <p id={`comment-${id}-error`} className="text-xs font-medium text-rose-700">
            {error}
          </p>
        ) : (
          <p id={`comment-${id}-hint`} className="text-xs text-slate-500">
            Required when rejecting.
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="APPROVED" disabled={isPending} className={`${BUTTON} bg-emerald-600 text-white hover:bg-emerald-700`}>
          {isPending ? "Saving…" : "Approve"}
        </button>
        <button type="submit" name="decision" value="REJECTED" disabled={isPending} className={`${BUTTON} bg-white text-rose-700 ring-1 ring-rose-300 hover:bg-rose-50`}>
          Reject
        </button>
      </div>
    </form>
  );
}
