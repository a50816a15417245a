import Link from "next/link";
import { formatDay, formatDays, formatMinutes, formatMonth, formatTime } from "@/lib/attendance/format";
import { type AttendanceDay, type DayStatus, type MonthTotals, shiftMonth } from "@/lib/attendance/month-days";

// One month of attendance as a calendar (weeks from Monday), its totals, and every session in
// detail. Shared by "My attendance" and a manager's view of someone else's month.
const STATUS: Record<DayStatus, { label: string; cell: string; badge: string }> = {
  present: { label: "Present", cell: "bg-white", badge: "bg-emerald-50 text-emerald-700 ring-emerald-600/20" },
  absent: { label: "Absent", cell: "bg-rose-50/60", badge: "bg-rose-50 text-rose-700 ring-rose-600/20" },
  leave: { label: "On leave", cell: "bg-sky-50/70", badge: "bg-sky-50 text-sky-700 ring-sky-600/20" },
  off: { label: "Day off", cell: "bg-slate-50", badge: "bg-slate-100 text-slate-600 ring-slate-500/20" },
  today: { label: "Today", cell: "bg-white", badge: "bg-brand-50 text-brand-700 ring-brand-600/20" },
  upcoming: { label: "", cell: "bg-white", badge: "" },
  "not-employed": { label: "", cell: "bg-slate-50", badge: "" },
};

const WEEKDAYS = [
  ["Mon", "Monday"],
  ["Tue", "Tuesday"],
  ["Wed", "Wednesday"],
  ["Thu", "Thursday"],
  ["Fri", "Friday"],
  ["Sat", "Saturday"],
  ["Sun", "Sunday"],
] as const;

function Flag({ children, tone }: { children: React.ReactNode; tone: string }) {
  return <span className={`inline-flex rounded px-1.5 py-0.5 text-[11px] font-semibold ring-1 ring-inset ${tone}`}>{children}</span>;
}

function dayLabel(day: AttendanceDay): string {
  if (day.status === "off") return day.holiday ? day.holiday.name : "Weekend";
  if (day.status === "leave") return day.leave?.typeName ?? "On leave";
  return STATUS[day.status].label;
}

function DayCell({ day, correctHref }: { day: AttendanceDay; correctHref?: (date: string) => string }) {
  const style = STATUS[day.status];
  const label = dayLabel(day);
  const canCorrect = correctHref && (day.status === "absent" || (day.status === "present" && (day.isOpen || day.isLate || day.isEarly)));
  return (
    <td
      className={`h-24 min-w-[5.5rem] border border-slate-200 p-1.5 align-top ${style.cell} ${day.status === "today" || (day.status === "present" && day.isOpen) ? "ring-brand-400 ring-2 ring-inset" : ""}`}
      data-testid={`day-${day.date}`}
      data-status={day.status}
    >
      <div className="flex items-start justify-between gap-1">
        <span className="text-sm font-semibold text-slate-800">
          <span className="sr-only">{formatDay(day.date, { weekday: "long", day: "numeric", month: "long" })}</span>
          <span aria-hidden>{Number(day.date.slice(8))}</span>
        </span>
        {day.minutes > 0 && <span className="text-xs font-medium text-slate-700 tabular-nums">{formatMinutes(day.minutes)}</span>}
      </div>
      <div className="mt-1 flex flex-col items-start gap-1">
        {label && (style.badge ? <Flag tone={style.badge}>{label}</Flag> : <span className="text-[11px] text-slate-500">{label}</span>)}
        {day.holiday && day.status !== "off" && (
          <span className="text-[11px] text-slate-500">
            {day.holiday.name}
            {day.holiday.isHalfDay ? " (half day)" : ""}
          </span>
        )}
        {day.leave && day.status !== "leave" && (
          <span className="text-[11px] text-sky-700">
            {day.leave.typeName} ({day.leave.part === "morning" ? "morning" : day.leave.part === "afternoon" ? "afternoon" : "all day"})
          </span>
        )}
        <div className="flex flex-wrap gap-1">
          {day.isLate && <Flag tone="bg-amber-50 text-amber-800 ring-amber-600/30">Late</Flag>}
          {day.isEarly && <Flag tone="bg-orange-50 text-orange-800 ring-orange-600/30">Left early</Flag>}
          {day.isOpen && <Flag tone="bg-emerald-50 text-emerald-700 ring-emerald-600/20">Open</Flag>}
        </div>
        {canCorrect && (
          <Link href={correctHref(day.date)} className="text-[11px] font-medium text-brand-700 hover:underline">
            Correct<span className="sr-only"> {formatDay(day.date)}</span>
          </Link>
        )}
      </div>
    </td>
  );
}

export function MonthNavigation({ month, hrefFor }: { month: string; hrefFor: (month: string) => string }) {
  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  return (
    <nav aria-label="Month" className="flex items-center gap-2">
      <Link href={hrefFor(previous)} className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50" rel="prev">
        ← <span className="sr-only">Previous month, </span>
        {formatMonth(previous)}
      </Link>
      <h2 className="min-w-36 text-center text-base font-semibold" aria-live="polite">
        {formatMonth(month)}
      </h2>
      <Link href={hrefFor(next)} className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50" rel="next">
        <span className="sr-only">Next month, </span>
        {formatMonth(next)} →
      </Link>
    </nav>
  );
}

export function MonthTotalsList({ totals }: { totals: MonthTotals }) {
  const items: [string, string, string?][] = [
    ["Working days", formatDays(totals.workingDays)],
    ["Days present", String(totals.presentDays)],
    ["Absences", formatDays(totals.absentDays), totals.absentDays > 0 ? "text-rose-700" : undefined],
    ["Leave", formatDays(totals.leaveDays)],
    ["Late arrivals", String(totals.lateCount), totals.lateCount > 0 ? "text-amber-700" : undefined],
    ["Early departures", String(totals.earlyCount), totals.earlyCount > 0 ? "text-orange-700" : undefined],
    ["Hours worked", formatMinutes(totals.minutes)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4 lg:grid-cols-7" data-testid="month-totals">
      {items.map(([label, value, tone]) => (
        <div key={label}>
          <dt className="text-slate-500">{label}</dt>
          <dd className={`text-lg font-semibold tabular-nums ${tone ?? "text-slate-900"}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function MonthCalendar({ month, days, correctHref }: { month: string; days: AttendanceDay[]; correctHref?: (date: string) => string }) {
  const blanks = (days[0]?.weekday ?? 1) - 1;
  const cells: (AttendanceDay | null)[] = [...Array.from({ length: blanks }, () => null), ...days];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full table-fixed border-collapse" data-testid="month-calendar">
        <caption className="sr-only">Attendance in {formatMonth(month)}</caption>
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th key={short} scope="col" abbr={long} className="pb-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((day, j) =>
                day ? (
                  <DayCell key={day.date} day={day} correctHref={correctHref} />
                ) : (
                  <td key={`blank-${j}`} className="border border-slate-100 bg-slate-50/50" aria-hidden />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SessionsTable({ days, timeZone }: { days: AttendanceDay[]; timeZone: string }) {
  const rows = days.flatMap((day) => day.records.map((record, index) => ({ day, record, isFirst: index === 0 })));
  if (rows.length === 0) {
    return (
      <div className="px-6 py-10 text-center" data-testid="sessions-empty">
        <p className="text-sm font-medium text-slate-900">No sessions this month</p>
        <p className="mt-1 text-sm text-slate-600">Check-ins and approved corrections appear here.</p>
      </div>
    );
  }
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="sessions">
        <caption className="sr-only">Sessions, times in {timeZone}</caption>
        <thead className="bg-slate-50">
          <tr>
            {["Day", "Check-in", "Check-out", "Hours", "Flags", "Note"].map((label) => (
              <th key={label} scope="col" className="px-4 py-2.5 text-left font-semibold text-slate-700">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map(({ day, record, isFirst }) => (
            <tr key={record.id}>
              <td className="px-4 py-2.5 whitespace-nowrap text-slate-900">{isFirst ? formatDay(day.date) : ""}</td>
              <td className="px-4 py-2.5 whitespace-nowrap tabular-nums">{formatTime(record.checkInAt, timeZone)}</td>
              <td className="px-4 py-2.5 whitespace-nowrap tabular-nums">
                {record.checkOutAt ? formatTime(record.checkOutAt, timeZone) : <span className="text-emerald-700">Open</span>}
              </td>
              <td className="px-4 py-2.5 whitespace-nowrap tabular-nums">{record.minutes === null ? "—" : formatMinutes(record.minutes)}</td>
              <td className="px-4 py-2.5 whitespace-nowrap">
                {isFirst && (
                  <div className="flex gap-1">
                    {day.isLate && <Flag tone="bg-amber-50 text-amber-800 ring-amber-600/30">Late</Flag>}
                    {day.isEarly && <Flag tone="bg-orange-50 text-orange-800 ring-orange-600/30">Left early</Flag>}
                  </div>
                )}
              </td>
              <td className="px-4 py-2.5 text-slate-600">{record.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
