import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/current-user";
import { listDepartmentOptions } from "@/lib/departments/list-departments";
import { todayIso } from "@/lib/leave/requests/request-rules";
import { LEAVE_STATUS_LABELS } from "@/lib/leave/requests/status";
import { type CalendarCell, type CalendarDay, teamCalendar } from "@/lib/leave/requests/team-calendar";
import { withParams } from "@/lib/search-params";
import { firstParams, ZCalendarQuery } from "@/lib/validations/leave-requests";
import { formatLongDay, formatMonthYear, formatWeekdayInitial } from "@/lib/format";
import { TBody } from "@/components/ui/table";
import { DepartmentOptions } from "@/components/forms/department-options";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Leave calendar" };

function shiftMonth(month: string, by: number): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + by);
  return date.toISOString().slice(0, 7);
}

function dayShade(day: CalendarDay): string {
  if (day.holiday && !day.holiday.isHalfDay) return "bg-amber-50";
  if (!day.isWorkDay) return "bg-slate-100";
  return "";
}

// A leave bar segment: the whole cell, or its left (morning) or right (afternoon) half. Pending
// leave is striped so it reads as not yet settled, without relying on colour alone.
function Bar({ cell }: { cell: CalendarCell }) {
  const inset = cell.morning && cell.afternoon ? "left-0 right-0" : cell.morning ? "left-0 right-1/2" : "left-1/2 right-0";
  const style = cell.isPending
    ? { backgroundImage: `repeating-linear-gradient(135deg, ${cell.color} 0 4px, transparent 4px 7px)`, boxShadow: `inset 0 0 0 1px ${cell.color}` }
    : { backgroundColor: cell.color };
  return (
    <span
      aria-hidden
      className={`absolute top-1.5 bottom-1.5 ${inset} ${cell.isFirst ? "ml-0.5 rounded-l-md" : ""} ${cell.isLast ? "mr-0.5 rounded-r-md" : ""}`}
      style={style}
    />
  );
}

export default async function LeaveCalendarPage({ searchParams }: PageProps<"/leave/calendar">) {
  const user = await requireUser();
  const query = ZCalendarQuery.parse(firstParams(await searchParams));
  const today = todayIso();
  const month = query.month ?? today.slice(0, 7);
  const calendar = await teamCalendar(user, month, { departmentId: query.department, page: query.page });
  const departments = calendar.scope === "all" ? await listDepartmentOptions() : [];
  const current = { month, department: query.department, page: calendar.page };
  const href = (changes: Record<string, string | number | undefined>) => withParams("/leave/calendar", current, changes);
  const title = formatMonthYear(new Date(`${month}-01T00:00:00Z`));
  const subtitle = { all: "Everyone’s approved and pending leave.", team: "Your team’s approved and pending leave.", self: "Your approved and pending leave." }[
    calendar.scope
  ];

  return (
    <div className="mx-auto flex max-w-[100rem] flex-col gap-6">
      <PageHeader
        title="Leave calendar"
        description={<>{subtitle}</>}
        actions={
          <>
            <Link href="/leave/request" className={buttonClass()}>
              Request leave
            </Link>
          </>
        }
      />

      <section className="flex flex-wrap items-end justify-between gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <nav aria-label="Month" className="flex items-center gap-2">
          <Link
            href={href({ month: shiftMonth(month, -1), page: 1 })}
            className="rounded-md px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
            rel="prev"
          >
            ← <span className="sr-only">Previous month</span>
          </Link>
          <h2 className="min-w-40 text-center text-base font-semibold" aria-live="polite" data-testid="calendar-month">
            {title}
          </h2>
          <Link
            href={href({ month: shiftMonth(month, 1), page: 1 })}
            className="rounded-md px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
            rel="next"
          >
            → <span className="sr-only">Next month</span>
          </Link>
          {month !== today.slice(0, 7) && (
            <Link href={href({ month: undefined, page: 1 })} className="text-sm font-medium text-brand-700 hover:underline">
              This month
            </Link>
          )}
        </nav>
        {calendar.scope === "all" && (
          <form method="get" action="/leave/calendar" className="flex items-end gap-2" role="search" aria-label="Filter by department">
            <input type="hidden" name="month" value={month} />
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              Department
              <select
                name="department"
                defaultValue={query.department ?? ""}
                className="h-10 rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none"
              >
                <DepartmentOptions departments={departments} />
              </select>
            </label>
            <button type="submit" className={buttonClass({ variant: "secondary" })}>
              Show
            </button>
          </form>
        )}
      </section>

      <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        {calendar.rows.length === 0 ? (
          <EmptyState title="Nobody to show" testId="calendar-empty">
            {query.department
              ? "No one in this department was employed this month."
              : "Your sign-in is not linked to an employee record, and no one reports to you."}
          </EmptyState>
        ) : (
          // Focusable so keyboard users can scroll it on a narrow screen; at 1280 px it fits without.
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={`Leave in ${title}`}>
            <table className="w-full min-w-[56rem] table-fixed border-collapse text-xs" data-testid="calendar-grid">
              <caption className="sr-only">
                Leave in {title}, one row per person and one column per day. Weekends and holidays are shaded; pending leave is striped.
              </caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="sticky left-0 z-10 w-36 bg-white px-3 py-2 text-left text-sm font-semibold text-slate-700">
                    Person
                  </th>
                  {calendar.days.map((day) => (
                    <th
                      key={day.date}
                      scope="col"
                      title={day.holiday ? `${day.holiday.name}${day.holiday.isHalfDay ? " (half day)" : ""}` : undefined}
                      className={`w-6 px-0 py-1 text-center font-medium ${dayShade(day)} ${day.date === today ? "text-brand-700" : "text-slate-600"}`}
                    >
                      <abbr title={formatLongDay(new Date(`${day.date}T00:00:00Z`))} className="no-underline">
                        <span className="block text-[10px] text-slate-500">{formatWeekdayInitial(new Date(`${day.date}T00:00:00Z`))}</span>
                        <span className={day.date === today ? "rounded-full bg-brand-600 px-1 text-white" : ""}>{day.day}</span>
                      </abbr>
                      {day.holiday && <span className="sr-only">, {day.holiday.name}</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <TBody>
                {calendar.rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row" className="sticky left-0 z-10 bg-white px-3 py-1.5 text-left font-normal">
                      <span className="block truncate text-sm font-medium text-slate-900" title={row.name}>
                        {row.name}
                      </span>
                      <span className="block truncate text-slate-500">{row.department ?? row.jobTitle}</span>
                    </th>
                    {row.cells.map((cell, index) => {
                      const day = calendar.days[index];
                      const isStartHere = cell && (cell.isFirst || index === 0 || row.cells[index - 1]?.requestId !== cell.requestId);
                      return (
                        <td
                          key={day.date}
                          className={`relative h-10 p-0 ${dayShade(day)}`}
                          title={cell ? `${cell.typeName} (${LEAVE_STATUS_LABELS[cell.status].toLowerCase()})` : undefined}
                        >
                          {cell && <Bar cell={cell} />}
                          {cell && isStartHere && (
                            <Link
                              href={`/leave/${cell.requestId}`}
                              className="absolute inset-0 z-[1] rounded-md focus-visible:outline-2 focus-visible:outline-brand-500"
                            >
                              <span className="sr-only">
                                {row.name}: {cell.typeName}, {LEAVE_STATUS_LABELS[cell.status].toLowerCase()}, from{" "}
                                {formatLongDay(new Date(`${day.date}T00:00:00Z`))}
                              </span>
                            </Link>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </TBody>
            </table>
          </div>
        )}
        <div className="flex flex-col gap-3 border-t border-slate-200 px-4 py-3">
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-600" aria-label="Legend">
            {calendar.types.map((type) => (
              <li key={type.name} className="inline-flex items-center gap-1.5">
                <span aria-hidden className="size-3 rounded-sm" style={{ backgroundColor: type.color }} />
                {type.name}
              </li>
            ))}
            <li className="inline-flex items-center gap-1.5">
              <span
                aria-hidden
                className="size-3 rounded-sm"
                style={{ backgroundImage: "repeating-linear-gradient(135deg, #64748b 0 3px, transparent 3px 6px)", boxShadow: "inset 0 0 0 1px #64748b" }}
              />
              Awaiting approval
            </li>
            <li className="inline-flex items-center gap-1.5">
              <span aria-hidden className="size-3 rounded-sm bg-slate-100 ring-1 ring-slate-200" />
              Weekend
            </li>
            <li className="inline-flex items-center gap-1.5">
              <span aria-hidden className="size-3 rounded-sm bg-amber-50 ring-1 ring-amber-200" />
              Holiday
            </li>
          </ul>
          {calendar.total > calendar.pageSize && (
            <Pagination
              page={calendar.page}
              pageCount={calendar.pageCount}
              total={calendar.total}
              pageSize={calendar.pageSize}
              hrefFor={(page) => href({ page })}
              noun="people"
            />
          )}
        </div>
      </section>
    </div>
  );
}
