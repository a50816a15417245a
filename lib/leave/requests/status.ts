// Request statuses as people read them, safe for client components. The workflow itself lives in
// the services beside this file.
export type LeaveRequestStatus = "PENDING_MANAGER" | "PENDING_HR" | "APPROVED" | "REJECTED" | "CANCELLATION_PENDING" | "CANCELLED";

export const LEAVE_STATUS_LABELS: Record<LeaveRequestStatus, string> = {
  PENDING_MANAGER: "Awaiting manager",
  PENDING_HR: "Awaiting HR",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  CANCELLATION_PENDING: "Cancellation requested",
  CANCELLED: "Cancelled",
};

export const LEAVE_STATUS_TONES: Record<LeaveRequestStatus, string> = {
  PENDING_MANAGER: "bg-amber-50 text-amber-800 ring-amber-600/20",
  PENDING_HR: "bg-amber-50 text-amber-800 ring-amber-600/20",
  APPROVED: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  REJECTED: "bg-rose-50 text-rose-700 ring-rose-600/20",
  CANCELLATION_PENDING: "bg-violet-50 text-violet-700 ring-violet-600/20",
  CANCELLED: "bg-slate-100 text-slate-600 ring-slate-500/20",
};

// Awaiting a decision on the request itself: counted against the balance as "pending".
export const PENDING_STATUSES: LeaveRequestStatus[] = ["PENDING_MANAGER", "PENDING_HR"];
// Awaiting someone's decision of any kind (the approvals queue).
export const AWAITING_DECISION: LeaveRequestStatus[] = ["PENDING_MANAGER", "PENDING_HR", "CANCELLATION_PENDING"];
// Still standing: these block overlapping requests.
export const LIVE_STATUSES: LeaveRequestStatus[] = ["PENDING_MANAGER", "PENDING_HR", "APPROVED", "CANCELLATION_PENDING"];
// Leave that is going ahead (a cancellation not yet agreed still stands).
export const BOOKED_STATUSES: LeaveRequestStatus[] = ["APPROVED", "CANCELLATION_PENDING"];

const DAY = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

// "Mon 3 Mar 2031 (afternoon) – Fri 7 Mar 2031 (morning)".
export function formatLeavePeriod(period: { startDate: Date | string; endDate: Date | string; startsAfternoon: boolean; endsAtNoon: boolean }): string {
  const start = typeof period.startDate === "string" ? new Date(`${period.startDate}T00:00:00Z`) : period.startDate;
  const end = typeof period.endDate === "string" ? new Date(`${period.endDate}T00:00:00Z`) : period.endDate;
  const isOneDay = start.getTime() === end.getTime();
  if (isOneDay) {
    const part = period.startsAfternoon ? " (afternoon)" : period.endsAtNoon ? " (morning)" : "";
    return `${DAY.format(start)}${part}`;
  }
  return `${DAY.format(start)}${period.startsAfternoon ? " (from noon)" : ""} – ${DAY.format(end)}${period.endsAtNoon ? " (until noon)" : ""}`;
}
