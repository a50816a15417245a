"use client";

import { useActionState, useId, useRef } from "react";
import { INPUT_CLASS } from "@/components/forms/field";
import { importHolidaysAction, type ImportState } from "./actions";
import { SubmitButton } from "@/components/ui/button";

type Props = {
  // England's bank holidays for the year shown, as import lines, for a one-click start.
  suggestion: { label: string; text: string };
};

export function ImportHolidaysForm({ suggestion }: Props) {
  const [state, action, isPending] = useActionState<ImportState, FormData>(importHolidaysAction, null);
  const textId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const hasErrors = Boolean(state?.errors?.length);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate aria-label="Import holidays">
      <div className="flex flex-col gap-1">
        <label htmlFor={textId} className="text-sm font-medium text-slate-700">
          Paste holidays, one per line
        </label>
        <textarea
          ref={textarea}
          id={textId}
          name="text"
          rows={7}
          // Keyed so a failed import keeps the pasted text and a successful one clears it.
          key={state?.ok ? "done" : (state?.text ?? "")}
          defaultValue={state?.ok ? "" : (state?.text ?? "")}
          placeholder={"2026-12-25, Christmas Day\n2026-12-24, Christmas Eve, half"}
          aria-invalid={hasErrors || undefined}
          aria-describedby={`${textId}-hint${hasErrors ? ` ${textId}-errors` : ""}`}
          className={`${INPUT_CLASS} font-mono text-xs`}
          data-testid="import-holidays-text"
        />
        <p id={`${textId}-hint`} className="text-xs text-slate-500">
          <code>YYYY-MM-DD, Name</code>, with <code>, half</code> for a half day. Nothing is saved unless every line is right; a date already there is updated,
          not repeated.
        </p>
      </div>
      {state && (
        <div
          role={state.ok ? "status" : "alert"}
          id={`${textId}-errors`}
          className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-rose-50 text-rose-800"}`}
          data-testid="import-holidays-result"
        >
          <p>{state.message}</p>
          {hasErrors && (
            <ul className="mt-1 space-y-0.5 text-xs">
              {state.errors!.map((error) => (
                <li key={`${error.line}-${error.message}`}>
                  {error.line > 0 && <span className="font-semibold">Line {error.line}: </span>}
                  {error.message}
                  {error.text && <span className="block truncate font-mono text-rose-700/80">{error.text}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton isPending={isPending} pendingLabel="Importing…" size="sm">
          Import
        </SubmitButton>
        <button
          type="button"
          onClick={() => {
            if (textarea.current) {
              textarea.current.value = suggestion.text;
              textarea.current.focus();
            }
          }}
          className="text-sm font-medium text-brand-700 hover:underline"
        >
          {suggestion.label}
        </button>
      </div>
    </form>
  );
}
