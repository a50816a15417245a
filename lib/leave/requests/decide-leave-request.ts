import "server-only";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { withTransaction } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { IsoDate } from "@/lib/leave/dates";
import type { DecisionInput } from "@/lib/validations/leave-requests";
import { canDecide, isLeaveAdmin, isManagerOf } from "./approvers";
import { notifyAwaitingHr, notifyCancellationDecided, notifyDecided } from "./leave-notifications";
import { invalid, lockBalance, prepareBalance } from "./request-context";
import { assertVersion, type LoadedRequest, loadRequest, notAwaiting, summarise, updateAtVersion, writeRequestLine } from "./request-record";
import { todayIso } from "./request-rules";
import { AWAITING_DECISION, type LeaveRequestStatus } from "./status";

type Step = { status: LeaveRequestStatus; data: Record<string, unknown>; line: "TAKEN" | "CANCELLED" | null };

// Where a decision takes the request. The manager's approval ends at HR when the type requires a
// second level. HR acting at the manager's stage approves outright: their approval is the second
// level, and asking them to approve twice would add nothing.
function nextStep(user: CurrentUser, request: LoadedRequest, isManager: boolean, input: DecisionInput): Step {
  const now = new Date();
  const isAdmin = isLeaveAdmin(user);
  const asManager = { managerComment: input.comment, managerDecidedAt: now };
  const asHr = { hrComment: input.comment, hrDecidedById: user.id, hrDecidedAt: now };
  const approve = input.decision === "approve";

  if (request.status === "CANCELLATION_PENDING") {
    return { status: approve ? "CANCELLED" : "APPROVED", data: isManager ? asManager : asHr, line: approve ? "CANCELLED" : null };
  }
  if (request.status === "PENDING_HR") return { status: approve ? "APPROVED" : "REJECTED", data: asHr, line: approve ? "TAKEN" : null };
  if (!approve) return { status: "REJECTED", data: isManager ? asManager : asHr, line: null };
  if (!isManager) return { status: "APPROVED", data: asHr, line: "TAKEN" };
  if (!request.leaveType.requiresHrApproval) return { status: "APPROVED", data: asManager, line: "TAKEN" };
  return isAdmin ? { status: "APPROVED", data: { ...asManager, ...asHr }, line: "TAKEN" } : { status: "PENDING_HR", data: asManager, line: null };
}

function refusal(user: CurrentUser, request: LoadedRequest): AppError {
  if (user.employeeId === request.employeeId) return new AppError("forbidden", "You cannot decide on your own leave; your manager or HR does.");
  if (request.status === "PENDING_HR") return new AppError("forbidden", "This request now awaits HR; only HR can decide it.");
  return new AppError("forbidden", `Only ${request.employee.firstName} ${request.employee.lastName}'s manager or HR can decide on this request.`);
}

// Approves or rejects a request (or a request to cancel leave that has started), at the version
// the decider saw. Approval books the leave in the ledger in the same transaction.
export async function decideLeaveRequest(
  user: CurrentUser,
  id: string,
  version: number,
  input: DecisionInput,
  options: { today?: IsoDate } = {},
): Promise<{ status: LeaveRequestStatus; wasCancellation: boolean }> {
  const request = await loadRequest(id);
  if (!request) throw notFound("That leave request");
  const isManager = isManagerOf(user, request, request.employee.managerId);
  if (!AWAITING_DECISION.includes(request.status)) throw notAwaiting(request.status, "decided");
  if (!canDecide(user, request, request.employee.managerId)) throw refusal(user, request);
  assertVersion(request, version);
  if (input.decision === "reject" && !input.comment) throw invalid({ comment: "Say why, so the employee knows what to change." });

  const step = nextStep(user, request, isManager, input);
  const year = request.startDate.getUTCFullYear();
  const balanceId = await prepareBalance(request.employeeId, request.leaveTypeId, year, options.today ?? todayIso());
  await asUser(user, () =>
    withTransaction(async (tx) => {
      await lockBalance(tx, balanceId);
      await updateAtVersion(tx, request.id, version, { status: step.status, ...step.data });
      if (step.line === "TAKEN") await writeRequestLine(tx, request, "TAKEN", user.email, `${request.leaveType.name} approved by ${user.name}`);
      if (step.line === "CANCELLED") await writeRequestLine(tx, request, "CANCELLED", user.email, `Cancellation approved by ${user.name}`);
    }),
  );

  const summary = summarise(request);
  if (request.status === "CANCELLATION_PENDING") await notifyCancellationDecided(summary, step.status === "CANCELLED", input.comment);
  else if (step.status === "PENDING_HR") {
    await notifyDecided(summary, "forwarded", input.comment);
    await notifyAwaitingHr(summary, user.name);
  } else await notifyDecided(summary, step.status === "APPROVED" ? "approved" : "rejected", input.comment);
  return { status: step.status, wasCancellation: request.status === "CANCELLATION_PENDING" };
}
