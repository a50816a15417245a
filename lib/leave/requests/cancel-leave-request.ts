import "server-only";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { withTransaction } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { IsoDate } from "@/lib/leave/dates";
import { isLeaveAdmin } from "./approvers";
import { notifyCancellationRequested, notifyCancelled } from "./leave-notifications";
import { lockBalance, prepareBalance } from "./request-context";
import { assertVersion, loadRequest, notAwaiting, summarise, updateAtVersion, writeRequestLine } from "./request-record";
import { hasStarted, todayIso } from "./request-rules";
import type { LeaveRequestStatus } from "./status";

// Cancels a request, by the employee or by HR. A request not yet decided, or approved leave that
// has not started, is cancelled at once (approved days go back through a CANCELLED ledger line).
// Leave that has started needs the approver's agreement: the request waits as
// CANCELLATION_PENDING until the manager or HR decides (decideLeaveRequest). HR cancelling someone
// else's started leave is that agreement, so it is cancelled at once. The whole request is
// cancelled; leave partly taken is handled by cancelling and requesting the days actually taken.
export async function cancelLeaveRequest(
  user: CurrentUser,
  id: string,
  version: number,
  reason: string | null,
  options: { today?: IsoDate } = {},
): Promise<{ status: LeaveRequestStatus }> {
  const today = options.today ?? todayIso();
  const request = await loadRequest(id);
  if (!request) throw notFound("That leave request");
  const isOwn = user.employeeId === request.employeeId;
  const isAdmin = isLeaveAdmin(user);
  if (!isOwn && !isAdmin) throw new AppError("forbidden", "Only the employee or HR can cancel a leave request.");
  if (request.status === "CANCELLATION_PENDING") throw new AppError("conflict", "Cancelling this leave is already awaiting a decision.");
  if (!["PENDING_MANAGER", "PENDING_HR", "APPROVED"].includes(request.status)) throw notAwaiting(request.status, "cancelled");
  assertVersion(request, version);

  const wasApproved = request.status === "APPROVED";
  const needsAgreement = wasApproved && hasStarted(request.startDate, today) && !(isAdmin && !isOwn);
  const status: LeaveRequestStatus = needsAgreement ? "CANCELLATION_PENDING" : "CANCELLED";
  const year = request.startDate.getUTCFullYear();
  const balanceId = await prepareBalance(request.employeeId, request.leaveTypeId, year, today);
  await asUser(user, () =>
    withTransaction(async (tx) => {
      await lockBalance(tx, balanceId);
      await updateAtVersion(tx, request.id, version, { status, cancelReason: reason });
      if (wasApproved && status === "CANCELLED")
        await writeRequestLine(tx, request, "CANCELLED", user.email, reason ? `Cancelled: ${reason}` : `Cancelled by ${user.name}`);
    }),
  );

  const summary = summarise(request);
  if (needsAgreement) await notifyCancellationRequested(summary, request.managerId ?? request.employee.managerId);
  else await notifyCancelled(summary, { managerId: request.managerId ?? request.employee.managerId, byEmployee: isOwn, wasApproved });
  return { status };
}
