"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { probeNowAction, replayNowAction, resolveConflictAction, type StatusActionState } from "./actions";

const REFRESH_MS = 3_000;

// Keeps the page current without a reload; pauses while the tab is hidden.
export function AutoRefresh() {
  const router = useRouter();
  const [isOn, setIsOn] = useState(true);
  useEffect(() => {
    if (!isOn) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [isOn, router]);
  return (
    <label className="inline-flex items-center gap-2 text-sm text-slate-600">
      <input type="checkbox" checked={isOn} onChange={(event) => setIsOn(event.target.checked)} className="size-4 rounded border-slate-300" />
      Refresh every 3 s
    </label>
  );
}

function Feedback({ state }: { state: StatusActionState }) {
  if (!state) return null;
  return (
    <p role="status" className={`text-sm ${state.ok ? "text-emerald-700" : "text-rose-700"}`}>
      {state.message}
    </p>
  );
}

const BUTTON = "inline-flex h-9 items-center rounded-md px-3 text-sm font-semibold shadow-sm disabled:opacity-60";

export function StatusActions() {
  const [probeState, probe, isProbing] = useActionState(probeNowAction, null);
  const [replayState, replay, isReplaying] = useActionState(replayNowAction, null);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <form action={probe}>
          <button type="submit" disabled={isProbing} className={`${BUTTON} bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50`}>
            {isProbing ? "Probing…" : "Probe now"}
          </button>
        </form>
        <form action={replay}>
          <button type="submit" disabled={isReplaying} className={`${BUTTON} bg-brand-600 text-white hover:bg-brand-700`}>
            {isReplaying ? "Replaying…" : "Replay now"}
          </button>
        </form>
      </div>
      <Feedback state={probeState ?? replayState} />
    </div>
  );
}

export function ResolveConflict({ id }: { id: string }) {
  const [state, resolve, isPending] = useActionState(resolveConflictAction, null);
  return (
    <form
      action={resolve}
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        const choice = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
        const text = choice === "ours" ? "Apply the queued write over PostgreSQL's current version?" : "Discard the queued write and keep PostgreSQL's version?";
        if (!window.confirm(text)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="resolution" value="theirs" disabled={isPending} className={`${BUTTON} bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50`}>
          Keep PostgreSQL&apos;s
        </button>
        <button type="submit" name="resolution" value="ours" disabled={isPending} className={`${BUTTON} bg-amber-600 text-white hover:bg-amber-700`}>
          Apply ours
        </button>
      </div>
      <Feedback state={state} />
    </form>
  );
}
