import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getLeaveCards } from "@/lib/leave/dashboard-cards";
import { formatHalfDays } from "@/lib/leave/dates";
import type { Absence } from "@/lib/leave/requests/who-is-out";
import { formatLeavePeriod, LEAVE_STATUS_LABELS } from "@/lib/leave/requests/status";
import { formatDay } from "@/lib/format";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

// The dashboard's leave cards: who is out today and later this week, what awaits the viewer's
// decision, and the viewer's own balances. A server component: it loads its own data.
const LINK = "text-sm font-medium text-brand-700 hover:underline";

function AbsenceList({ absences, testId }: { absences: Absence[]; testId: string }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid={testId}>
      {absences.slice(0, 8).map((absence) => (
        <li key={absence.requestId} className="flex min-w-0 items-start gap-2 py-2 text-sm">
          <span aria-hidden className="mt-1.5 size-2.5 shrink-0 rounded-full" style={{ backgroundColor: absence.color }} />
          {/* Name over details, so a narrow card shortens neither to nothing. */}
          <span className="min-w-0">
            <span className="block truncate font-medium text-slate-900" title={absence.name}>
              {absence.name}
            </span>
            <span className="block text-xs text-slate-500">
              {absence.typeName} · {formatDay(absence.startDate)} – {formatDay(absence.endDate)}
            </span>
          </span>
        </li>
      ))}
      {absences.length > 8 && <li className="pt-2 text-xs text-slate-500">and {absences.length - 8} more</li>}
    </ul>
  );
}

export async function LeaveCards({ user, today }: { user: CurrentUser; today?: Date }) {
  const cards = await getLeaveCards(user, today);
  return (
    <>
      <Card
        title="Who is out"
        action={
          <Link href="/leave/calendar" className={LINK}>
            Calendar
          </Link>
        }
        testId="who-is-out"
      >
        {cards.outToday.length === 0 && cards.outLaterThisWeek.length === 0 ? (
          <EmptyState size="sm" title="Everyone is in">
            Nobody you can see has approved leave this week.
          </EmptyState>
        ) : (
          <div className="flex flex-col gap-3">
            <div>
              <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Today</h3>
              {cards.outToday.length ? (
                <AbsenceList absences={cards.outToday} testId="out-today" />
              ) : (
                <p className="py-2 text-sm text-slate-600">Everyone is in today.</p>
              )}
            </div>
            {cards.outLaterThisWeek.length > 0 && (
              <div>
                <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Later this week</h3>
                <AbsenceList absences={cards.outLaterThisWeek} testId="out-this-week" />
              </div>
            )}
          </div>
        )}
      </Card>
      {cards.approvals && (
        <Card
          title={`Pending approvals${cards.approvals.total ? ` (${cards.approvals.total})` : ""}`}
          action={
            cards.approvals.total > 0 ? (
              <Link href="/leave/approvals" className={LINK}>
                Review
              </Link>
            ) : undefined
          }
          testId="pending-approvals"
        >
          {cards.approvals.items.length === 0 ? (
            <EmptyState size="sm" title="Nothing waiting for you">
              Leave requests that need your decision appear here.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {cards.approvals.items.map((request) => (
                <li key={request.id} className="flex min-w-0 flex-col py-2 text-sm">
                  <Link
                    href={`/leave/${request.id}`}
                    className="truncate font-medium text-slate-900 hover:text-brand-700 hover:underline"
                    title={request.employee.name}
                  >
                    {request.employee.name}
                  </Link>
                  <span className="text-xs text-slate-500">
                    {request.status === "CANCELLATION_PENDING" ? LEAVE_STATUS_LABELS[request.status] : request.type.name} · {formatLeavePeriod(request)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      {cards.myBalances && cards.myBalances.length > 0 && (
        <Card
          title="My leave"
          action={
            <Link href="/leave/request" className={LINK}>
              Request leave
            </Link>
          }
          testId="my-balances"
        >
          <ul className="divide-y divide-slate-100">
            {cards.myBalances.map((balance) => (
              <li key={balance.typeId} className="flex items-center justify-between gap-3 py-2 text-sm">
                <span className="inline-flex items-center gap-2">
                  <span aria-hidden className="size-2.5 rounded-full" style={{ backgroundColor: balance.color }} />
                  {balance.name}
                </span>
                <span className="text-right">
                  <span className="font-semibold tabular-nums">{balance.isUnlimited ? "No limit" : formatHalfDays(balance.available)}</span>
                  {balance.pending > 0 && <span className="block text-xs text-slate-500">{formatHalfDays(balance.pending)} pending</span>}
                </span>
              </li>
            ))}
          </ul>
          <Link href="/leave" className={`${LINK} mt-3 inline-block`}>
            All my leave
          </Link>
        </Card>
      )}
    </>
  );
}
