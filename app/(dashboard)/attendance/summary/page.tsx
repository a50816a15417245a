import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { canOverseeAttendance } from "@/lib/attendance/access";
import { formatDays, formatMinutes, formatMonth } from "@/lib/attendance/format";
import { monthlySummary } from "@/lib/attendance/monthly-summary";
import { localDate } from "@/lib/attendance/time-zone";
import { requireUser } from "@/lib/auth/current-user";
import { listDepartmentOptions } from "@/lib/departments/list-departments";
import { withParams } from "@/lib/search-params";
import { readSetting } from "@/lib/settings/settings";
import { parseMonthParam } from "@/lib/validations/attendance";
import { MonthNavigation } from "../month-calendar";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/table";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { DepartmentOptions } from "@/components/forms/department-options";
import { FilterField, FilterInput, FilterSelect } from "@/components/ui/filter-bar";

export const metadata: Metadata = { title: "Attendance summary" };

function renderedAt(): Date {
  return new Date();
}

const NUMBER_CELL = "whitespace-nowrap px-4 py-3 text-right tabular-nums";

// HR's month for everyone (a manager's for their team): days worked, absences, lateness, hours.
export default async function AttendanceSummaryPage({ searchParams }: PageProps<"/attendance/summary">) {
  const user = await requireUser();
  if (!(await canOverseeAttendance(user))) forbidden();
  const params = await searchParams;
  const now = renderedAt();
  const { timeZone } = await readSetting("attendance-schedule");
  const month = parseMonthParam(params.month, localDate(now, timeZone).slice(0, 7));
  const departments = await listDepartmentOptions();
  const requested = typeof params.department === "string" ? params.department : "";
  const department = departments.some((option) => option.id === requested) ? requested : undefined;
  const summary = await monthlySummary(user, month, department, now);
  const current = { month, department };
  const exportHref = withParams("/api/attendance/summary", current, {});

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6">
      <PageHeader
        title="Monthly summary"
        parent={{ href: "/attendance", label: "Attendance" }}
        description={`${formatMonth(month)}, counted against the schedule in ${timeZone}. Absences and lateness cover days that have passed.`}
        actions={
          <a href={exportHref} download className={buttonClass()} data-testid="export-summary">
            Export CSV
          </a>
        }
      />

      <section className="flex flex-wrap items-end justify-between gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Summary filters">
          <FilterField label="Month">
            <FilterInput name="month" type="month" defaultValue={month} />
          </FilterField>
          <FilterField label="Department">
            <FilterSelect name="department" defaultValue={department ?? ""}>
              <DepartmentOptions departments={departments} />
            </FilterSelect>
          </FilterField>
          <button type="submit" className={buttonClass({ variant: "secondary" })}>
            Show
          </button>
        </form>
        <MonthNavigation month={month} hrefFor={(target) => withParams("/attendance/summary", current, { month: target })} />
      </section>

      <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        {summary.rows.length === 0 ? (
          <EmptyState title="Nobody to summarise" testId="summary-empty">
            {department ? "No one in this department was employed that month." : "No one you can see was employed that month."}
          </EmptyState>
        ) : (
          <DataTable data-testid="summary-table">
            <caption className="sr-only">Attendance summary for {formatMonth(month)}</caption>
            <THead>
              <Th>Employee</Th>
              <Th className="hidden lg:table-cell">Department</Th>
              {["Working days", "Present", "Absences", "Leave", "Late", "Left early", "Hours"].map((label) => (
                <th key={label} scope="col" className="px-4 py-3 text-right font-semibold whitespace-nowrap text-slate-700">
                  {label}
                </th>
              ))}
            </THead>
            <TBody>
              {summary.rows.map(({ employee, totals }) => (
                <tr key={employee.id} className="hover:bg-slate-50">
                  <Td>
                    <Link href={`/attendance/${employee.id}?month=${month}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {employee.firstName} {employee.lastName}
                    </Link>
                    <p className="text-xs text-slate-500">{employee.employeeNumber}</p>
                  </Td>
                  <Td className="hidden text-slate-700 lg:table-cell">{employee.department ?? <span className="text-slate-500">—</span>}</Td>
                  <td className={NUMBER_CELL}>{formatDays(totals.workingDays)}</td>
                  <td className={NUMBER_CELL}>{totals.presentDays}</td>
                  <td className={`${NUMBER_CELL} ${totals.absentDays > 0 ? "font-medium text-rose-700" : ""}`}>{formatDays(totals.absentDays)}</td>
                  <td className={NUMBER_CELL}>{formatDays(totals.leaveDays)}</td>
                  <td className={`${NUMBER_CELL} ${totals.lateCount > 0 ? "font-medium text-amber-700" : ""}`}>{totals.lateCount}</td>
                  <td className={`${NUMBER_CELL} ${totals.earlyCount > 0 ? "font-medium text-orange-700" : ""}`}>{totals.earlyCount}</td>
                  <td className={NUMBER_CELL}>{formatMinutes(totals.minutes)}</td>
                </tr>
              ))}
            </TBody>
            <tfoot className="bg-slate-50 font-semibold">
              <tr>
                <th scope="row" className="px-4 py-3 text-left">
                  {summary.rows.length} {summary.rows.length === 1 ? "person" : "people"}
                </th>
                <td className="hidden lg:table-cell" />
                <td className={NUMBER_CELL}>{formatDays(summary.totals.workingDays)}</td>
                <td className={NUMBER_CELL}>{summary.totals.presentDays}</td>
                <td className={NUMBER_CELL}>{formatDays(summary.totals.absentDays)}</td>
                <td className={NUMBER_CELL}>{formatDays(summary.totals.leaveDays)}</td>
                <td className={NUMBER_CELL}>{summary.totals.lateCount}</td>
                <td className={NUMBER_CELL}>{summary.totals.earlyCount}</td>
                <td className={NUMBER_CELL}>{formatMinutes(summary.totals.minutes)}</td>
              </tr>
            </tfoot>
          </DataTable>
        )}
      </section>
    </div>
  );
}
