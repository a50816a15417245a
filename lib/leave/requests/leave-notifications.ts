import "server-only";
import { formatHalfDays } from "@/lib/leave/dates";
import { log } from "@/lib/log";
import { notify, type NotificationInput } from "@/lib/notifications/notify";
import { leaveAdminUserIds } from "./approvers";
import { formatLeavePeriod } from "./status";

// The messages the request workflow sends. They go out after the change has committed, and a
// failure to send is logged rather than thrown: the request is saved either way, and telling the
// user it failed would invite them to submit it twice.
export type RequestSummary = {
  id: string;
  employeeId: string;
  employeeName: string;
  typeName: string;
  startDate: Date;
  endDate: Date;
  startsAfternoon: boolean;
  endsAtNoon: boolean;
  halfDays: number;
};

const APPROVALS_LINK = "/leave/approvals";
const requestLink = (request: RequestSummary) => `/leave/${request.id}`;

function describe(request: RequestSummary): string {
  return `${request.typeName}, ${formatLeavePeriod(request)} (${formatHalfDays(request.halfDays)})`;
}

async function send(input: NotificationInput): Promise<void> {
  try {
    await notify(input);
  } catch (error) {
    log.warn("leave notification not sent", {
      event: "leave-notify-failed",
      kind: input.kind,
      error: error instanceof Error ? error.message.split("\n")[0] : String(error),
    });
  }
}

// Who decides next: the manager at the manager stage, HR at the HR stage.
async function approvers(request: RequestSummary, stage: "manager" | "hr", managerId: string | null) {
  if (stage === "manager" && managerId) return { employeeIds: [managerId] };
  return { userIds: await leaveAdminUserIds(request.employeeId) };
}

export async function notifySubmitted(request: RequestSummary, options: { stage: "manager" | "hr"; managerId: string | null; byName: string | null }) {
  await send({
    ...(await approvers(request, options.stage, options.managerId)),
    kind: "leave.pending-approval",
    title: `Leave to approve: ${request.employeeName}`,
    body: `${request.employeeName} requested ${describe(request)}.`,
    link: APPROVALS_LINK,
  });
  await send({
    employeeIds: [request.employeeId],
    kind: "leave.submitted",
    title: "Leave request submitted",
    body: `${options.byName ? `${options.byName} requested on your behalf: ` : "Your request for "}${describe(request)} is awaiting ${options.stage === "manager" ? "your manager" : "HR"}.`,
    link: requestLink(request),
  });
}

export async function notifyAwaitingHr(request: RequestSummary, managerName: string) {
  await send({
    userIds: await leaveAdminUserIds(request.employeeId),
    kind: "leave.pending-approval",
    title: `Leave to approve: ${request.employeeName}`,
    body: `${managerName} approved ${request.employeeName}'s ${describe(request)}; it now needs HR approval.`,
    link: APPROVALS_LINK,
  });
}

export async function notifyDecided(request: RequestSummary, outcome: "approved" | "rejected" | "forwarded", comment: string | null) {
  const said = comment ? ` Comment: "${comment}"` : "";
  const text = {
    approved: { title: "Leave approved", body: `Your ${describe(request)} was approved.${said}` },
    rejected: { title: "Leave rejected", body: `Your ${describe(request)} was rejected.${said}` },
    forwarded: { title: "Leave approved by your manager", body: `Your manager approved ${describe(request)}; it now awaits HR.${said}` },
  }[outcome];
  await send({ employeeIds: [request.employeeId], kind: `leave.${outcome === "forwarded" ? "approved" : outcome}`, ...text, link: requestLink(request) });
}

export async function notifyCancelled(request: RequestSummary, options: { managerId: string | null; byEmployee: boolean; wasApproved: boolean }) {
  const body = `${request.employeeName}'s ${describe(request)} was cancelled${options.wasApproved ? "; the days are back in the balance" : ""}.`;
  if (options.byEmployee) {
    const recipients = options.managerId ? { employeeIds: [options.managerId] } : { userIds: await leaveAdminUserIds(request.employeeId) };
    await send({ ...recipients, kind: "leave.cancelled", title: `Leave cancelled: ${request.employeeName}`, body, link: requestLink(request) });
  } else {
    await send({
      employeeIds: [request.employeeId],
      kind: "leave.cancelled",
      title: "Leave cancelled",
      body: `Your ${describe(request)} was cancelled by HR.`,
      link: requestLink(request),
    });
  }
}

export async function notifyCancellationRequested(request: RequestSummary, managerId: string | null) {
  await send({
    ...(await approvers(request, "manager", managerId)),
    kind: "leave.pending-approval",
    title: `Cancellation to approve: ${request.employeeName}`,
    body: `${request.employeeName} asks to cancel ${describe(request)}, which has already started.`,
    link: APPROVALS_LINK,
  });
}

export async function notifyCancellationDecided(request: RequestSummary, isAgreed: boolean, comment: string | null) {
  const said = comment ? ` Comment: "${comment}"` : "";
  await send({
    employeeIds: [request.employeeId],
    kind: isAgreed ? "leave.cancelled" : "leave.rejected",
    title: isAgreed ? "Cancellation approved" : "Cancellation refused",
    body: isAgreed
      ? `Your ${describe(request)} is cancelled; the days are back in your balance.${said}`
      : `Your ${describe(request)} stands: the cancellation was refused.${said}`,
    link: requestLink(request),
  });
}
