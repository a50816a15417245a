import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { englandBankHolidays } from "@/lib/holidays/england-bank-holidays";
import { listHolidays } from "@/lib/holidays/list-holidays";
import { parseYear, WEEKDAYS } from "@/lib/holidays/validations";
import { yearCalendarSummary } from "@/lib/holidays/work-week";
import { formatHalfDays } from "@/lib/leave/dates";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { HolidayList } from "./holiday-list";
import { ImportHolidaysForm } from "./import-holidays-form";
import { WorkWeekForm } from "./work-week-form";
import { Stat } from "@/components/ui/stat";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Holidays" };

const LINK = "inline-flex h-9 items-center rounded-md px-3 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50";

function describeWeek(days: number[]): string {
  const names = WEEKDAYS.filter((weekday) => days.includes(weekday.day)).map((weekday) => weekday.short);
  return names.length === 7 ? "Every day" : names.join(", ");
}

// Public holidays by year and the organisation's work week: together they decide what a day of
// leave is. Everyone may look; HR edits.
export default async function HolidaysPage({ searchParams }: PageProps<"/holidays">) {
  const user = await requireUser();
  const thisYear = new Date().getUTCFullYear();
  const year = parseYear((await searchParams).year, thisYear);
  const [holidays, summary] = await Promise.all([listHolidays(year), yearCalendarSummary(year)]);
  const canEdit = can(user, LEAVE_ADMIN);
  const halfDays = holidays.filter((holiday) => holiday.isHalfDay).length;
  const suggestion = {
    label: `Fill in England’s bank holidays for ${year}`,
    text: englandBankHolidays(year)
      .map((holiday) => `${holiday.date}, ${holiday.name}`)
      .join("\n"),
  };

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <PageHeader
        title="Holidays and work week"
        description={<>Public holidays and working days decide how much leave a request costs.</>}
        actions={
          <>
            <nav aria-label="Year" className="flex items-center gap-2">
              <Link href={`/holidays?year=${year - 1}`} className={LINK} rel="prev">
                ← {year - 1}
              </Link>
              <span className="px-2 text-lg font-semibold tabular-nums" aria-current="page" data-testid="holidays-year">
                {year}
              </span>
              <Link href={`/holidays?year=${year + 1}`} className={LINK} rel="next">
                {year + 1} →
              </Link>
              {year !== thisYear && (
                <Link href="/holidays" className="text-sm font-medium text-brand-700 hover:underline">
                  This year
                </Link>
              )}
            </nav>
          </>
        }
      />

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat
          label={`Working days in ${year}`}
          value={formatHalfDays(summary.workingHalfDays)}
          hint={`After weekends and ${summary.holidaysOnWorkingDays} ${summary.holidaysOnWorkingDays === 1 ? "holiday" : "holidays"} on working days`}
          testId="working-days"
        />
        <Stat label="Public holidays" value={holidays.length} hint={halfDays ? `${halfDays} of them half days` : "all full days"} testId="holiday-count" />
        <Stat
          label="Work week"
          value={describeWeek(summary.workWeek)}
          hint={`${summary.workWeek.length} working ${summary.workWeek.length === 1 ? "day" : "days"} a week`}
        />
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <section className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm lg:col-span-2" aria-labelledby="holidays-heading">
          <h2 id="holidays-heading" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-700">
            Public holidays in {year}
          </h2>
          <HolidayList year={year} holidays={holidays} workWeek={summary.workWeek} canEdit={canEdit} />
        </section>

        <div className="flex flex-col gap-6">
          <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="work-week-heading">
            <h2 id="work-week-heading" className="text-sm font-semibold text-slate-700">
              Work week
            </h2>
            <div className="mt-3">
              {canEdit ? (
                <WorkWeekForm days={summary.workWeek} />
              ) : (
                <p className="text-sm text-slate-700">
                  Working days: <span className="font-medium">{describeWeek(summary.workWeek)}</span>.
                </p>
              )}
            </div>
          </section>

          {canEdit && (
            <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="import-heading">
              <h2 id="import-heading" className="text-sm font-semibold text-slate-700">
                Import a list
              </h2>
              <div className="mt-3">
                <ImportHolidaysForm suggestion={suggestion} />
              </div>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
