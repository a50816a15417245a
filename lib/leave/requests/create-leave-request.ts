import "server-only";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { withTransaction } from "@/lib/db";
import { fromIsoDate, type IsoDate } from "@/lib/leave/dates";
import { leaveTypeRuleErrors, type LeaveRequestInput } from "@/lib/validations/leave-requests";
import { notifySubmitted } from "./leave-notifications";
import {
  assertWellFormed,
  checkBalance,
  costOf,
  employmentErrors,
  findOverlap,
  invalid,
  loadLeaveType,
  lockBalance,
  NO_WORKING_DAYS,
  prepareBalance,
  resolveSubject,
} from "./request-context";
import { balanceYear, todayIso } from "./request-rules";
import type { LeaveRequestStatus } from "./status";

export type CreatedLeaveRequest = { id: string; status: LeaveRequestStatus; halfDays: number };

// Submits a request for oneself, or (HR) for anyone. The balance check and the overlap check run
// inside one transaction that first locks the (employee, type, year) balance row, so two requests
// drawing on the same balance at once are decided one after the other and cannot overdraw it.
// The request goes to the employee's manager, or straight to HR when there is none.
export async function createLeaveRequest(
  user: CurrentUser,
  unchecked: LeaveRequestInput,
  options: { forEmployeeId?: string; today?: IsoDate } = {},
): Promise<CreatedLeaveRequest> {
  const input = assertWellFormed(unchecked);
  const today = options.today ?? todayIso();
  const subject = await resolveSubject(user, options.forEmployeeId);
  const type = await loadLeaveType(input.leaveTypeId, subject);
  const ruleErrors = { ...leaveTypeRuleErrors(input, type), ...employmentErrors(subject, input) };
  if (Object.keys(ruleErrors).length) throw invalid(ruleErrors);
  const { halfDays } = await costOf(input);
  if (halfDays === 0) throw invalid({ endDate: NO_WORKING_DAYS });

  const year = balanceYear(input.startDate);
  const status: LeaveRequestStatus = subject.managerId ? "PENDING_MANAGER" : "PENDING_HR";
  const balanceId = await prepareBalance(subject.id, type.id, year, today);

  const created = await asUser(user, () =>
    withTransaction(async (tx) => {
      await lockBalance(tx, balanceId);
      const overlap = await findOverlap(tx, subject.id, input, subject);
      if (overlap) throw invalid({ startDate: overlap });
      const balance = await checkBalance(tx, subject.id, type, input.startDate, halfDays, today);
      if (balance.error) throw invalid({ endDate: balance.error });
      return tx.leaveRequest.create({
        data: {
          employeeId: subject.id,
          leaveTypeId: type.id,
          startDate: fromIsoDate(input.startDate),
          endDate: fromIsoDate(input.endDate),
          startsAfternoon: input.startsAfternoon,
          endsAtNoon: input.endsAtNoon,
          halfDays,
          status,
          reason: input.reason,
          attachmentName: input.attachmentName,
          managerId: subject.managerId,
        },
        select: { id: true, startDate: true, endDate: true, startsAfternoon: true, endsAtNoon: true },
      });
    }),
  );

  await notifySubmitted(
    { ...created, employeeId: subject.id, employeeName: subject.name, typeName: type.name, halfDays },
    { stage: subject.managerId ? "manager" : "hr", managerId: subject.managerId, byName: subject.isSelf ? null : user.name },
  );
  return { id: created.id, status, halfDays };
}
