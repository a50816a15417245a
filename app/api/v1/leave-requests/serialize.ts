import type { LeaveRequestDetail } from "@/lib/leave/requests/get-leave-request";
import type { LeaveRequestRow } from "@/lib/leave/requests/list-leave-requests";

// The API's shape of a leave request: calendar dates as "YYYY-MM-DD", timestamps as ISO strings,
// and the amount both in half-days (as stored) and in days.
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function serializeLeaveRequest(row: LeaveRequestRow) {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    employee: row.employee,
    type: row.type,
    startDate: isoDate(row.startDate),
    endDate: isoDate(row.endDate),
    startsAfternoon: row.startsAfternoon,
    endsAtNoon: row.endsAtNoon,
    halfDays: row.halfDays,
    days: row.halfDays / 2,
    reason: row.reason,
    attachmentName: row.attachmentName,
    managerComment: row.managerComment,
    hrComment: row.hrComment,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt.toISOString(),
    canCancel: row.canCancel,
    cancelNeedsAgreement: row.cancelNeedsAgreement,
    canDecide: row.canDecide,
  };
}

export function serializeLeaveRequestDetail(detail: LeaveRequestDetail) {
  return {
    ...serializeLeaveRequest(detail),
    type: detail.type,
    manager: detail.manager,
    managerDecidedAt: detail.managerDecidedAt?.toISOString() ?? null,
    hrDecidedAt: detail.hrDecidedAt?.toISOString() ?? null,
    history: detail.history.map((event) => ({ at: event.at.toISOString(), actor: event.actor, text: event.text, comment: event.comment })),
  };
}
