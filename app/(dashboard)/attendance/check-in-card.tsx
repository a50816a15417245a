"use client";

import { useActionState, useEffect, useState } from "react";
import { FormMessage } from "@/components/forms/field";
import { formatDateTime, formatMinutes, formatTime } from "@/lib/attendance/format";
import type { TodayCard } from "@/lib/attendance/check-in";
import { attendanceAction } from "./actions";

// A running clock for the open session. It starts from the time the server rendered the page, so
// the first paint matches the server's, then ticks each second.
function useNow(renderedAt: number, isRunning: boolean): number {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    if (!isRunning) return;
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1_000);
    return () => clearInterval(timer);
  }, [isRunning]);
  return now;
}

function elapsed(fromIso: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - new Date(fromIso).getTime()) / 1_000));
  const hours = Math.floor(seconds / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  return `${hours}:${String(minutes).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

export function CheckInCard({ today, renderedAt }: { today: TodayCard; renderedAt: number }) {
  const [state, formAction, isPending] = useActionState(attendanceAction, null);
  const isOpen = Boolean(today.open);
  const now = useNow(renderedAt, isOpen);
  const closedMinutes = today.sessions.reduce((sum, session) => sum + (session.checkOutAt ? (session.minutes ?? 0) : 0), 0);
  const liveMinutes = today.open && !today.open.isFromEarlierDay ? Math.max(0, Math.floor((now - new Date(today.open.checkInAt).getTime()) / 60_000)) : 0;

  return (
    <section className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="today-heading" data-testid="today-card">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id="today-heading" className="text-sm font-semibold text-slate-700">
            Today
          </h2>
          <p className="text-xs text-slate-500">
            Working hours {today.schedule.start}–{today.schedule.end} ({today.timeZone}), {today.schedule.graceMinutes} minutes’ grace
          </p>
        </div>
        <span
          className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset ${isOpen ? "bg-emerald-50 text-emerald-700 ring-emerald-600/20" : "bg-slate-100 text-slate-600 ring-slate-500/20"}`}
          data-testid="attendance-state"
        >
          <span aria-hidden className={`size-1.5 rounded-full ${isOpen ? "bg-emerald-500" : "bg-slate-400"}`} />
          {isOpen ? "Checked in" : "Checked out"}
        </span>
      </div>

      {today.open ? (
        <div>
          <p
            className="font-mono text-4xl font-semibold tracking-tight text-slate-900 tabular-nums"
            role="timer"
            aria-label="Time in the current session"
            data-testid="session-timer"
          >
            {elapsed(today.open.checkInAt, now)}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            Since {today.open.isFromEarlierDay ? formatDateTime(today.open.checkInAt, today.timeZone) : formatTime(today.open.checkInAt, today.timeZone)}
          </p>
          {today.open.isFromEarlierDay && (
            <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
              This session was never closed. Check out now, then request a correction below with the time you really left.
            </p>
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-600">
          {today.sessions.length ? "You are checked out. Check in again to start another session." : "You have not checked in today."}
        </p>
      )}

      <form action={formAction}>
        <input type="hidden" name="intent" value={isOpen ? "check-out" : "check-in"} />
        <button
          type="submit"
          disabled={isPending}
          aria-disabled={isPending}
          className={`h-14 w-full rounded-lg text-lg font-semibold text-white shadow-sm transition-colors focus:outline-none focus-visible:ring-4 disabled:cursor-not-allowed disabled:opacity-60 ${
            isOpen ? "bg-slate-800 hover:bg-slate-900 focus-visible:ring-slate-400" : "focus-visible:ring-brand-300 bg-brand-600 hover:bg-brand-700"
          }`}
          data-testid={isOpen ? "check-out" : "check-in"}
        >
          {isPending ? (isOpen ? "Checking out…" : "Checking in…") : isOpen ? "Check out" : "Check in"}
        </button>
      </form>
      <div aria-live="polite">
        <FormMessage state={state} />
      </div>

      <dl className="grid grid-cols-2 gap-3 border-t border-slate-100 pt-4 text-sm">
        <div>
          <dt className="text-slate-500">Worked today</dt>
          <dd className="font-semibold text-slate-900" data-testid="worked-today">
            {formatMinutes(closedMinutes + liveMinutes)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Sessions</dt>
          <dd className="text-slate-900">
            {today.sessions.length === 0
              ? "None yet"
              : today.sessions
                  .map(
                    (session) =>
                      `${formatTime(session.checkInAt, today.timeZone)}–${session.checkOutAt ? formatTime(session.checkOutAt, today.timeZone) : "now"}`,
                  )
                  .join(", ")}
          </dd>
        </div>
      </dl>
    </section>
  );
}
