"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { formatTimestamp } from "@/lib/format";
import { retryQueuedAction, setAsideQueuedAction } from "./actions";

export type QueueItem = { opId: string; createdAt: string; tables: string; entries: number; attempts: number; lastError: string | null };

// A queued write PostgreSQL keeps refusing (a lock held for ever, say) shows its error and age here,
// with "retry now" and "set aside" (which asks first: the write then waits in the conflicts list).
function QueueActions({ opId }: { opId: string }) {
  const [retryState, retry, isRetrying] = useActionState(retryQueuedAction, null);
  const [setAsideState, setAside, isSettingAside] = useActionState(setAsideQueuedAction, null);
  const formId = useId();
  const state = setAsideState ?? retryState;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-2">
        <form action={retry}>
          <input type="hidden" name="opId" value={opId} />
          <Button type="submit" size="sm" variant="secondary" disabled={isRetrying}>
            {isRetrying ? "Retrying…" : "Retry now"}
          </Button>
        </form>
        <form id={formId} action={setAside}>
          <input type="hidden" name="opId" value={opId} />
        </form>
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="secondary" disabled={isSettingAside}>
              Set aside…
            </Button>
          }
          title="Set this queued write aside?"
          description="It stops waiting for PostgreSQL and is listed under conflicts, where you decide whether to apply it."
          confirmLabel="Set aside"
          variant="warning"
          form={formId}
        />
      </div>
      {state && (
        <p role="status" className={`text-xs ${state.ok ? "text-emerald-700" : "text-rose-700"}`}>
          {state.message}
        </p>
      )}
    </div>
  );
}

export function QueueTable({ items, now }: { items: QueueItem[]; now: number }) {
  if (items.length === 0) return <p className="text-sm text-slate-500">Empty.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">Queued</th>
            <th className="py-1 pr-3 font-medium">Tables</th>
            <th className="py-1 pr-3 font-medium">Rows</th>
            <th className="py-1 font-medium">Replay</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.opId} className="border-t border-slate-100 align-top" data-testid="queued-write">
              <td className="py-1.5 pr-3 whitespace-nowrap">
                {formatTimestamp(item.createdAt)}
                <span className="block text-xs text-slate-500">{Math.max(0, Math.round((now - Date.parse(item.createdAt)) / 1000))} s ago</span>
              </td>
              <td className="py-1.5 pr-3">{item.tables}</td>
              <td className="py-1.5 pr-3">{item.entries}</td>
              <td className="py-1.5">
                {item.attempts === 0 ? (
                  <span className="text-slate-500">waiting</span>
                ) : (
                  <div className="flex flex-col gap-1.5">
                    <span className="text-amber-800">
                      refused {item.attempts} {item.attempts === 1 ? "time" : "times"}
                      {item.lastError && <span className="block font-mono text-xs break-all text-rose-800">{item.lastError}</span>}
                    </span>
                    <QueueActions opId={item.opId} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
