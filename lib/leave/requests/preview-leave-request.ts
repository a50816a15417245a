import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { formatHalfDays, fromIsoDate, type IsoDate, toIsoDate } from "@/lib/leave/dates";
import { leaveTypeRuleErrors, type LeaveRequestInput } from "@/lib/validations/leave-requests";
import { balanceYear, isUnlimited, todayIso } from "./request-rules";
import {
  assertWellFormed,
  type BalanceCheck,
  checkBalance,
  costOf,
  type CostDay,
  employmentErrors,
  findOverlap,
  loadLeaveType,
  NO_WORKING_DAYS,
  resolveSubject,
} from "./request-context";

export type PreviewDay = CostDay & { holidayName: string | null; isWeekend: boolean };

export type LeavePreview = {
  employeeName: string;
  typeName: string;
  halfDays: number;
  days: PreviewDay[];
  isUnlimited: boolean;
  year: number;
  balance: Omit<BalanceCheck, "error">;
  // What submitting would be refused for, by field; empty when it would be accepted.
  errors: Record<string, string>;
  // Worth knowing, but not a reason to refuse.
  warnings: string[];
  requiresHrApproval: boolean;
  hasManager: boolean;
};

// What a request would cost and leave, before it is made: the same checks as createLeaveRequest,
// reported rather than thrown, so the form can show them as the user types.
export async function previewLeaveRequest(
  user: CurrentUser,
  unchecked: LeaveRequestInput,
  options: { forEmployeeId?: string; today?: IsoDate } = {},
): Promise<LeavePreview> {
  const input = assertWellFormed(unchecked);
  const today = options.today ?? todayIso();
  const subject = await resolveSubject(user, options.forEmployeeId);
  const type = await loadLeaveType(input.leaveTypeId, subject);
  const [cost, holidays] = await Promise.all([
    costOf(input),
    db.holiday.findMany({ where: { date: { gte: fromIsoDate(input.startDate), lte: fromIsoDate(input.endDate) } }, select: { date: true, name: true } }),
  ]);
  const holidayNames = new Map(holidays.map((holiday) => [toIsoDate(holiday.date), holiday.name]));
  const days = cost.days.map((day) => ({ ...day, holidayName: holidayNames.get(day.date) ?? null, isWeekend: day.note === "not a working day" }));

  const [overlap, balance] = await Promise.all([
    findOverlap(db, subject.id, input, subject),
    checkBalance(db, subject.id, type, input.startDate, cost.halfDays, today),
  ]);
  const errors: Record<string, string> = { ...leaveTypeRuleErrors(input, type), ...employmentErrors(subject, input) };
  if (cost.halfDays === 0) errors.endDate ??= NO_WORKING_DAYS;
  if (overlap) errors.startDate ??= overlap;
  if (balance.error && cost.halfDays > 0) errors.endDate ??= balance.error;

  const warnings: string[] = [];
  if (input.startDate < today) warnings.push("This starts in the past; it is recorded as leave already taken once approved.");
  const skipped = days.filter((day) => day.note !== null).length;
  if (skipped > 0 && cost.halfDays > 0) warnings.push(`${skipped} ${skipped === 1 ? "day is" : "days are"} a weekend or holiday and not counted.`);
  if (balance.pending > 0)
    warnings.push(
      `${formatHalfDays(balance.pending)} in other requests awaiting approval ${balance.pending === 2 ? "is" : "are"} already counted against the balance.`,
    );
  if (isUnlimited(type)) warnings.push(`${type.name} has no yearly limit; the days taken are still recorded.`);

  return {
    employeeName: subject.name,
    typeName: type.name,
    halfDays: cost.halfDays,
    days,
    isUnlimited: isUnlimited(type),
    year: balanceYear(input.startDate),
    balance: {
      balance: balance.balance,
      scheduled: balance.scheduled,
      pending: balance.pending,
      available: balance.available,
      availableAfter: balance.availableAfter,
    },
    errors,
    warnings,
    requiresHrApproval: type.requiresHrApproval,
    hasManager: subject.managerId !== null,
  };
}
