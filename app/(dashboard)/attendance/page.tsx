import type { Metadata } from "next";
import Link from "next/link";
import { canOverseeAttendance } from "@/lib/attendance/access";
import { getToday } from "@/lib/attendance/check-in";
import { formatDay, formatTime } from "@/lib/attendance/format";
import { listMyCorrections } from "@/lib/attendance/list-corrections";
import { monthView } from "@/lib/attendance/month-view";
import { requireUser } from "@/lib/auth/current-user";
import { parseMonthParam, ZIsoDate } from "@/lib/validations/attendance";
import { CheckInCard } from "./check-in-card";
import { CorrectionForm } from "./correction-form";
import { CorrectionStatus } from "./correction-status";
import { MonthCalendar, MonthNavigation, MonthTotalsList, SessionsTable } from "./month-calendar";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Attendance" };

// A server component renders once per request, so reading the clock here is stable.
function renderedAt(): number {
  return Date.now();
}

export default async function AttendancePage({ searchParams }: PageProps<"/attendance">) {
  const user = await requireUser();
  const params = await searchParams;
  const now = renderedAt();
  const today = await getToday(user, new Date(now));
  const month = parseMonthParam(params.month, today.date.slice(0, 7));
  const correctDate = ZIsoDate.safeParse(params.correct);
  const [view, corrections, canOversee] = await Promise.all([
    user.employeeId ? monthView(user, user.employeeId, month, new Date(now)) : null,
    listMyCorrections(user),
    canOverseeAttendance(user),
  ]);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Attendance</h1>
          <p className="mt-1 text-sm text-slate-600">Check in when you start, check out when you stop. Times are in {today.timeZone}.</p>
        </div>
        {canOversee && (
          <div className="flex flex-wrap gap-2">
            <Link href="/attendance/corrections" className={buttonClass({ variant: "secondary" })}>
              Corrections to approve
            </Link>
            <Link href="/attendance/summary" className={buttonClass({ variant: "secondary" })}>
              Monthly summary
            </Link>
          </div>
        )}
      </div>

      {!today.isLinked || !view ? (
        <section className="rounded-xl border border-slate-200 bg-white px-6 py-16 text-center shadow-sm" data-testid="attendance-unlinked">
          <p className="text-base font-medium">No attendance to record</p>
          <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
            Your sign-in is not linked to an employee record. {canOversee ? "You can still review corrections and the monthly summary." : "Ask HR to link it."}
          </p>
        </section>
      ) : (
        <>
          <div className="grid gap-6 lg:grid-cols-3 [&>*]:min-w-0">
            <CheckInCard today={today} renderedAt={now} />
            <section className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm lg:col-span-2" aria-labelledby="month-heading">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <h2 id="month-heading" className="text-sm font-semibold text-slate-700">
                  This month at a glance
                </h2>
                <MonthNavigation month={month} hrefFor={(target) => `/attendance?month=${target}`} />
              </div>
              <MonthTotalsList totals={view.totals} />
              <p className="text-xs text-slate-500">
                Late means a first check-in after {view.schedule.start} plus {view.schedule.graceMinutes} minutes; left early means a last check-out before{" "}
                {view.schedule.end} minus {view.schedule.graceMinutes} minutes. Absences count past working days with no check-in and no approved leave.
              </p>
            </section>
          </div>

          <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6" aria-label="Calendar">
            <MonthCalendar month={month} days={view.days} correctHref={(date) => `/attendance?month=${month}&correct=${date}#correction`} />
          </section>

          <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading" className="border-b border-slate-200 px-6 py-4 text-sm font-semibold text-slate-700">
              Sessions in this month
            </h2>
            <SessionsTable days={view.days} timeZone={view.schedule.timeZone} />
          </section>

          <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
            <section id="correction" className="scroll-mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="correction-heading">
              <h2 id="correction-heading" className="text-sm font-semibold text-slate-700">
                Request a correction
              </h2>
              <p className="mt-1 mb-4 text-sm text-slate-600">Forgot to check in or out? Tell your manager what the times really were.</p>
              <CorrectionForm
                key={correctDate.success ? correctDate.data : "blank"}
                today={today.date}
                defaultDate={correctDate.success ? correctDate.data : undefined}
                timeZone={today.timeZone}
              />
            </section>
            <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="my-corrections-heading">
              <h2 id="my-corrections-heading" className="text-sm font-semibold text-slate-700">
                My recent corrections
              </h2>
              {corrections.length === 0 ? (
                <p className="mt-4 text-sm text-slate-600" data-testid="corrections-empty">
                  None yet. Requests you send appear here with their decision.
                </p>
              ) : (
                <ul className="mt-3 divide-y divide-slate-100" data-testid="my-corrections">
                  {corrections.map((correction) => (
                    <li key={correction.id} className="flex flex-wrap items-start justify-between gap-2 py-3 text-sm">
                      <div className="min-w-0">
                        <p className="font-medium text-slate-900">
                          {formatDay(correction.date)} · {formatTime(correction.checkInAt, today.timeZone)}–{formatTime(correction.checkOutAt, today.timeZone)}
                        </p>
                        <p className="truncate text-slate-600">{correction.reason}</p>
                        {correction.comment && <p className="text-slate-500">Reply: {correction.comment}</p>}
                      </div>
                      <CorrectionStatus status={correction.status} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
