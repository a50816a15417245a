import type { MonthlySummary } from "./monthly-summary";

// The HR summary as CSV for a spreadsheet. Cells that a spreadsheet would run as a formula are
// prefixed with an apostrophe, so a name such as "=HYPERLINK(...)" stays text.
const HEADER = [
  "Employee number",
  "Last name",
  "First name",
  "Department",
  "Working days",
  "Days present",
  "Absences (days)",
  "Leave (days)",
  "Late arrivals",
  "Early departures",
  "Hours worked",
];

function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function summaryCsv(summary: Pick<MonthlySummary, "rows">): string {
  const lines = [
    HEADER,
    ...summary.rows.map(({ employee, totals }) => [
      employee.employeeNumber,
      employee.lastName,
      employee.firstName,
      employee.department ?? "",
      totals.workingDays,
      totals.presentDays,
      totals.absentDays,
      totals.leaveDays,
      totals.lateCount,
      totals.earlyCount,
      (totals.minutes / 60).toFixed(2),
    ]),
  ];
  return lines.map((line) => line.map(cell).join(",")).join("\r\n") + "\r\n";
}
