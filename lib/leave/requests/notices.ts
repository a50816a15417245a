// What the leave pages say after a decision or cancellation, named in the URL (?notice=...).
export const LEAVE_NOTICES = {
  submitted: "Request submitted. Your approver has been told; you will be notified of the decision.",
  approved: "Approved; the days are booked and the employee has been told.",
  forwarded: "Approved; it now goes to HR for the second approval.",
  rejected: "Rejected; the employee has been told why.",
  cancelled: "Cancelled. Any approved days are back in the balance.",
  "cancellation-requested": "This leave has started, so the cancellation has gone to the approver.",
  "cancellation-approved": "Cancellation approved; the days are back in the balance.",
  "cancellation-refused": "Cancellation refused; the leave stands.",
} as const;

export type LeaveNotice = keyof typeof LEAVE_NOTICES;

export function noticeText(value: string | string[] | undefined): string | null {
  const key = Array.isArray(value) ? value[0] : value;
  return key && key in LEAVE_NOTICES ? LEAVE_NOTICES[key as LeaveNotice] : null;
}
