"use client";

import { useActionState } from "react";
import { retryEmailAction, type EmailActionState } from "./actions";

function Feedback({ state }: { state: EmailActionState }) {
  if (!state) return null;
  return (
    <p role="status" className={`text-sm ${state.ok ? "text-emerald-700" : "text-rose-700"}`}>
      {state.message}
    </p>
  );
}

export function RetryNow({ isConfigured }: { isConfigured: boolean }) {
  const [state, action, isPending] = useActionState(retryEmailAction, null);
  return (
    <div className="flex flex-col items-end gap-2">
      <form action={action}>
        <button
          type="submit"
          disabled={isPending || !isConfigured}
          className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
          data-testid="retry-now"
        >
          {isPending ? "Sending…" : "Retry now"}
        </button>
      </form>
      <div aria-live="polite">
        <Feedback state={state} />
      </div>
    </div>
  );
}

export function RetryMessage({ id, label }: { id: string; label: string }) {
  const [state, action, isPending] = useActionState(retryEmailAction, null);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={isPending}
        className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-60"
      >
        {isPending ? "Retrying…" : "Retry"}
        <span className="sr-only"> {label}</span>
      </button>
      <Feedback state={state} />
    </form>
  );
}
