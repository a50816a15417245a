import { formatDayWithYear } from "@/lib/format";
import type { Tone } from "@/lib/tone";

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

export const LEAVE_STATUS_TONES: Record<LeaveRequestStatus, Tone> = {
  PENDING_MANAGER: "warning",
  PENDING_HR: "warning",
  APPROVED: "success",
  REJECTED: "danger",
  CANCELLATION_PENDING: "info",
  CANCELLED: "neutral",
};

// Awaiting a decision on the request itself: counted against the balance as "pending".
export const PENDING_STATUSES: LeaveRequestStatus[] = ["PENDING_MANAGER", "PENDING_HR"];
// Awaiting someone's decision of any kind (the approvals queue).
export const AWAITING_DECISION: LeaveRequestStatus[] = ["PENDING_MANAGER", "PENDING_HR", "CANCELLATION_PENDING"];
// Still standing: these block overlapping requests.
export const LIVE_STATUSES: LeaveRequestStatus[] = ["PENDING_MANAGER", "PENDING_HR", "APPROVED", "CANCELLATION_PENDING"];
// Leave that is going ahead (a cancellation not yet agreed still stands).
export const BOOKED_STATUSES: LeaveRequestStatus[] = ["APPROVED", "CANCELLATION_PENDING"];

// "Mon 3 Mar 2031 (afternoon) – Fri 7 Mar 2031 (morning)".
export function formatLeavePeriod(period: { startDate: Date | string; endDate: Date | string; startsAfternoon: boolean; endsAtNoon: boolean }): string {
  const start = typeof period.startDate === "string" ? new Date(`${period.startDate}T00:00:00Z`) : period.startDate;
  const end = typeof period.endDate === "string" ? new Date(`${period.endDate}T00:00:00Z`) : period.endDate;
  const isOneDay = start.getTime() === end.getTime();
  if (isOneDay) {
    const part = period.startsAfternoon ? " (afternoon)" : period.endsAtNoon ? " (morning)" : "";
    return `${formatDayWithYear(start)}${part}`;
  }
  return `${formatDayWithYear(start)}${period.startsAfternoon ? " (from noon)" : ""} – ${formatDayWithYear(end)}${period.endsAtNoon ? " (until noon)" : ""}`;
}
