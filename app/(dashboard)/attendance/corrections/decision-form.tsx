"use client";

import { useActionState, useId } from "react";
import { FormMessage, INPUT_CLASS } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { decideCorrectionAction } from "./actions";

export function DecisionForm({ id, version }: { id: string; version: number }) {
  const [state, action, isPending] = useActionState(decideCorrectionAction, null);
  const error = state?.fields?.comment;
  const formId = useId();
  if (state?.ok) {
    return <FormMessage state={state} />;
  }
  return (
    <form id={formId} action={action} className="flex flex-col gap-3" noValidate>
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
        <Button type="submit" name="decision" value="APPROVED" disabled={isPending} variant="success" size="sm">
          {isPending ? "Saving…" : "Approve"}
        </Button>
        {/* Rejecting tells the employee no; ask once before sending it. */}
        <ConfirmDialog
          trigger={
            <Button disabled={isPending} variant="danger-outline" size="sm">
              Reject
            </Button>
          }
          title="Reject this correction?"
          description="The employee will be told, with your comment."
          confirmLabel="Reject"
          form={formId}
          name="decision"
          value="REJECTED"
        />
      </div>
    </form>
  );
}
