import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { workingDayBreakdown } from "@/lib/leave/calendar";
import { formatHalfDays, fromIsoDate, type IsoDate, toIsoDate } from "@/lib/leave/dates";
import { appliesTo, type Client, getBalance, syncLedger } from "@/lib/leave/ledger";
import { type LeaveRequestInput, ZLeaveRequestInput } from "@/lib/validations/leave-requests";
import { isLeaveAdmin } from "./approvers";
import { balanceAsOf, balanceYear, isUnlimited, periodsOverlap } from "./request-rules";
import { LEAVE_STATUS_LABELS, LIVE_STATUSES, formatLeavePeriod } from "./status";

// What creating and previewing a request share: whose leave it is, which type, what it costs and
// what stands in its way. Refusals are field errors, so the form shows each beside its input.
export type Subject = {
  id: string;
  name: string;
  managerId: string | null;
  employmentType: string;
  hireDate: Date;
  exitDate: Date | null;
  isSelf: boolean;
};

export const FIX_FIELDS = "Please correct the highlighted fields.";

export function invalid(fields: Record<string, string>): AppError {
  return new AppError("validation_failed", FIX_FIELDS, fields);
}

// The form's own rules again, for callers that did not come through the form (the API, scripts):
// a request across the year end, for instance, must never reach the ledger.
export function assertWellFormed(input: LeaveRequestInput): LeaveRequestInput {
  const parsed = ZLeaveRequestInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join(".") || "form"] ??= issue.message;
  throw invalid(fields);
}

// The person the request is for: oneself, or anyone when HR acts on their behalf.
export async function resolveSubject(user: CurrentUser, forEmployeeId?: string): Promise<Subject> {
  const employeeId = forEmployeeId || user.employeeId;
  if (!employeeId) throw new AppError("bad_request", "Your sign-in is not linked to an employee record, so there is no leave to request. Ask HR to link it.");
  if (employeeId !== user.employeeId && !isLeaveAdmin(user)) throw forbidden();
  const employee = await db.employee.findUnique({
    where: { id: employeeId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      status: true,
      employmentType: true,
      hireDate: true,
      exitDate: true,
      manager: { select: { id: true, status: true } },
    },
  });
  if (!employee) throw invalid({ employeeId: "That employee was not found." });
  if (employee.status === "TERMINATED")
    throw invalid({ employeeId: `${employee.firstName} ${employee.lastName} has left; leave cannot be requested for them.` });
  // A manager who has left cannot decide, so the request goes to HR instead.
  const managerId = employee.manager && employee.manager.status !== "TERMINATED" ? employee.manager.id : null;
  return {
    id: employee.id,
    name: `${employee.firstName} ${employee.lastName}`,
    managerId,
    employmentType: employee.employmentType,
    hireDate: employee.hireDate,
    exitDate: employee.exitDate,
    isSelf: employee.id === user.employeeId,
  };
}

export type RequestLeaveType = {
  id: string;
  name: string;
  color: string;
  isPaid: boolean;
  yearlyHalfDays: number;
  allowsHalfDays: boolean;
  requiresAttachment: boolean;
  requiresHrApproval: boolean;
  maxConsecutiveDays: number | null;
};

export async function loadLeaveType(leaveTypeId: string, subject: Subject): Promise<RequestLeaveType> {
  const type = await db.leaveType.findUnique({
    where: { id: leaveTypeId },
    select: {
      id: true,
      name: true,
      color: true,
      isPaid: true,
      yearlyHalfDays: true,
      allowsHalfDays: true,
      requiresAttachment: true,
      requiresHrApproval: true,
      maxConsecutiveDays: true,
      isActive: true,
      employmentTypes: true,
    },
  });
  if (!type || !type.isActive) throw invalid({ leaveTypeId: "That leave type is not available; choose another." });
  if (!appliesTo(type, subject.employmentType))
    throw invalid({ leaveTypeId: `${type.name} does not apply to ${subject.isSelf ? "your" : `${subject.name}'s`} kind of employment.` });
  return type;
}

// Dates outside the person's employment.
export function employmentErrors(subject: Subject, input: LeaveRequestInput): Record<string, string> {
  const errors: Record<string, string> = {};
  const hired = toIsoDate(subject.hireDate);
  if (input.startDate < hired)
    errors.startDate = `That is before ${subject.isSelf ? "your" : "their"} first day, ${formatLeavePeriod({ startDate: hired, endDate: hired, startsAfternoon: false, endsAtNoon: false })}.`;
  if (subject.exitDate && input.endDate > toIsoDate(subject.exitDate)) {
    const exit = toIsoDate(subject.exitDate);
    errors.endDate = `That is after ${subject.isSelf ? "your" : "their"} last day, ${formatLeavePeriod({ startDate: exit, endDate: exit, startsAfternoon: false, endsAtNoon: false })}.`;
  }
  return errors;
}

export type CostDay = { date: IsoDate; morning: boolean; afternoon: boolean; note: string | null; halfDays: number };

// What the period costs, day by day, by the one working-days function.
export async function costOf(input: LeaveRequestInput): Promise<{ halfDays: number; days: CostDay[] }> {
  const period = { start: input.startDate, end: input.endDate, startsAfternoon: input.startsAfternoon, endsAtNoon: input.endsAtNoon };
  const breakdown = await workingDayBreakdown(period);
  const days = breakdown.map((day) => ({ ...day, halfDays: Number(day.morning) + Number(day.afternoon) }));
  return { halfDays: days.reduce((sum, day) => sum + day.halfDays, 0), days };
}

export const NO_WORKING_DAYS = "These dates cover no working time (weekends and holidays are not counted), so there is nothing to request.";

// The person's other requests still standing that share any half-day with this one.
export async function findOverlap(client: Client, employeeId: string, input: LeaveRequestInput, subject: Subject): Promise<string | null> {
  const candidates = await client.leaveRequest.findMany({
    where: { employeeId, status: { in: LIVE_STATUSES }, startDate: { lte: fromIsoDate(input.endDate) }, endDate: { gte: fromIsoDate(input.startDate) } },
    select: { startDate: true, endDate: true, startsAfternoon: true, endsAtNoon: true, status: true, leaveType: { select: { name: true } } },
    orderBy: { startDate: "asc" },
  });
  const clash = candidates.find((request) => periodsOverlap(request, input));
  if (!clash) return null;
  return `This overlaps ${subject.isSelf ? "your" : "their"} ${clash.leaveType.name.toLowerCase()} of ${formatLeavePeriod(clash)} (${LEAVE_STATUS_LABELS[clash.status].toLowerCase()}).`;
}

export function balanceKey(employeeId: string, leaveTypeId: string, year: number) {
  return { employeeId_leaveTypeId_year: { employeeId, leaveTypeId, year } };
}

// Before a transaction that locks a balance: make sure its row and its automatic ledger lines
// exist, so the locked section only reads. (On PostgreSQL a duplicate insert inside a transaction
// would abort the whole transaction; out here it is caught and harmless.) Returns the row's id.
export async function prepareBalance(employeeId: string, leaveTypeId: string, year: number, today: IsoDate): Promise<string> {
  const key = balanceKey(employeeId, leaveTypeId, year);
  const existing = await db.leaveBalance.findUnique({ where: key, select: { id: true } });
  if (!existing) {
    await db.leaveBalance.create({ data: { employeeId, leaveTypeId, year }, select: { id: true } }).catch((error: unknown) => {
      if ((error as { code?: string }).code !== "P2002") throw error;
    });
  }
  await syncLedger(db, employeeId, leaveTypeId, year, balanceAsOf(year, today));
  return existing?.id ?? (await db.leaveBalance.findUniqueOrThrow({ where: key, select: { id: true } })).id;
}

// Takes the balance's row lock for the rest of the transaction: the version bump the data layer
// adds to every update is a row write, so PostgreSQL makes a second transaction on the same
// balance wait here until the first commits, and it then reads what the first wrote. (By id: the
// audit trail re-reads a written row with findMany, which takes no compound unique key.)
export async function lockBalance(tx: Client, balanceId: string): Promise<void> {
  await tx.leaveBalance.update({ where: { id: balanceId }, data: {}, select: { id: true } });
}

export type BalanceCheck = { balance: number; scheduled: number; pending: number; available: number; availableAfter: number; error: string | null };

// Whether the balance covers `halfDays` more, as of today. Unlimited types never refuse.
export async function checkBalance(
  client: Client,
  employeeId: string,
  type: RequestLeaveType,
  startDate: IsoDate,
  halfDays: number,
  today: IsoDate,
): Promise<BalanceCheck> {
  const year = balanceYear(startDate);
  const balance = await getBalance(client, employeeId, type.id, year, balanceAsOf(year, today));
  // Carried-forward days lapse on their expiry date: leave starting on or after it cannot use them.
  const usable = balance.expiresOn && startDate >= balance.expiresOn ? balance.available - balance.lapsing : balance.available;
  const availableAfter = usable - halfDays;
  const isShort = !isUnlimited(type) && availableAfter < 0;
  return {
    balance: balance.balance,
    scheduled: balance.scheduled,
    pending: balance.pending,
    available: usable,
    availableAfter,
    error: isShort
      ? `This needs ${formatHalfDays(halfDays)} but only ${formatHalfDays(Math.max(0, usable))} ${Math.max(0, usable) === 2 ? "is" : "are"} available.`
      : null,
  };
}
