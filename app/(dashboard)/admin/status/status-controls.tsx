"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
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

export function StatusActions() {
  const [probeState, probe, isProbing] = useActionState(probeNowAction, null);
  const [replayState, replay, isReplaying] = useActionState(replayNowAction, null);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <form action={probe}>
          <Button type="submit" disabled={isProbing} variant="secondary" size="sm">
            {isProbing ? "Probing…" : "Probe now"}
          </Button>
        </form>
        <form action={replay}>
          <Button type="submit" disabled={isReplaying} size="sm">
            {isReplaying ? "Replaying…" : "Replay now"}
          </Button>
        </form>
      </div>
      <Feedback state={probeState ?? replayState} />
    </div>
  );
}

export function ResolveConflict({ id }: { id: string }) {
  const [state, resolve, isPending] = useActionState(resolveConflictAction, null);
  const formId = useId();
  return (
    <form id={formId} action={resolve} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-wrap gap-2">
        <ConfirmDialog
          trigger={
            <Button disabled={isPending} variant="secondary" size="sm">
              Keep PostgreSQL&apos;s
            </Button>
          }
          title="Discard the queued write and keep PostgreSQL's version?"
          confirmLabel="Keep PostgreSQL's"
          cancelLabel="Cancel"
          form={formId}
          name="resolution"
          value="theirs"
        />
        <ConfirmDialog
          trigger={
            <Button disabled={isPending} variant="warning" size="sm">
              Apply ours
            </Button>
          }
          title="Apply the queued write over PostgreSQL's current version?"
          confirmLabel="Apply ours"
          cancelLabel="Cancel"
          variant="warning"
          form={formId}
          name="resolution"
          value="ours"
        />
      </div>
      <Feedback state={state} />
    </form>
  );
}
