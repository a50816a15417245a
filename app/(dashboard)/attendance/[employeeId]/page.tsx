import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { localDate } from "@/lib/attendance/time-zone";
import { monthView } from "@/lib/attendance/month-view";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { readSetting } from "@/lib/settings/settings";
import { parseMonthParam } from "@/lib/validations/attendance";
import { MonthCalendar, MonthNavigation, MonthTotalsList, SessionsTable } from "../month-calendar";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Attendance" };

function renderedAt(): Date {
  return new Date();
}

// A manager (their reporting line) or HR (everyone) looks at one person's month. Anyone else gets
// "not found", the same as for an id that does not exist.
export default async function EmployeeAttendancePage({ params, searchParams }: PageProps<"/attendance/[employeeId]">) {
  const user = await requireUser();
  const [{ employeeId }, query] = await Promise.all([params, searchParams]);
  const now = renderedAt();
  const { timeZone } = await readSetting("attendance-schedule");
  const month = parseMonthParam(query.month, localDate(now, timeZone).slice(0, 7));
  const view = await monthView(user, employeeId, month, now).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
  if (!view) notFound();
  const name = `${view.employee.firstName} ${view.employee.lastName}`;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        title={name}
        titleTestId="attendance-employee"
        parent={{ href: "/attendance/summary", label: "Attendance" }}
        description={`${view.employee.jobTitle}${view.employee.department ? ` · ${view.employee.department}` : ""} · times in ${view.schedule.timeZone}`}
        actions={<MonthNavigation month={month} hrefFor={(target) => `/attendance/${employeeId}?month=${target}`} />}
      />

      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-label="Totals">
        <MonthTotalsList totals={view.totals} />
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6" aria-label="Calendar">
        <MonthCalendar month={month} days={view.days} />
      </section>

      <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="border-b border-slate-200 px-6 py-4 text-sm font-semibold text-slate-700">
          Sessions
        </h2>
        <SessionsTable days={view.days} timeZone={view.schedule.timeZone} />
      </section>
    </div>
  );
}
