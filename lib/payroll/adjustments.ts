import "server-only";
import { asUser } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { fromIsoDate, type IsoDate, toIsoDate } from "@/lib/leave/dates";
import { CURRENCIES, nextPayPeriod, type PayFrequency, payPeriodContaining } from "./engine";
import { toMinorUnits } from "./format";
import { assertNotOwnPay } from "./own-pay";
import { type PayrollUser, requirePayroll } from "./run-access";

// One-off additions and deductions for a period (a bonus, an advance recovery), and corrections of
// a locked run: an approved payslip is never edited; the difference is paid or recovered as an
// arrears or reversal line in a later period, with a reason that names the payslip it corrects.
// Nobody enters one for themselves.
export type AdjustmentInput = {
  employeeId: string;
  // Any day of the period; stored as the first day of the employee's pay period containing it.
  periodStart: IsoDate;
  code: string;
  name: string;
  kind: "EARNING" | "DEDUCTION";
  amount: number;
  reason: string;
  isTaxable?: boolean;
};

const LOCKED_STATUSES: ("APPROVED" | "PAID")[] = ["APPROVED", "PAID"];

async function assertPeriodOpen(periodStart: IsoDate) {
  const locked = await db.payRun.findFirst({ where: { periodStart: fromIsoDate(periodStart), status: { in: LOCKED_STATUSES } }, select: { id: true } });
  if (locked) throw new AppError("conflict", `The run for the period starting ${periodStart} is approved: enter this for a later period.`);
}

type Schedule = { frequency: PayFrequency; anchorDate?: IsoDate };

async function scheduleOf(employeeId: string, date: IsoDate): Promise<Schedule & { id: string; currency: string }> {
  const assignment =
    (await db.salaryAssignment.findFirst({
      where: { employeeId, effectiveFrom: { lte: fromIsoDate(date) } },
      select: { schedule: { select: { id: true, frequency: true, anchorDate: true } }, structure: { select: { currency: true } } },
      orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
    })) ??
    (await db.salaryAssignment.findFirst({
      where: { employeeId },
      select: { schedule: { select: { id: true, frequency: true, anchorDate: true } }, structure: { select: { currency: true } } },
      orderBy: [{ effectiveFrom: "asc" }],
    }));
  if (!assignment) {
    const message = "This employee has no salary assignment: assign a salary before entering pay for them.";
    throw new AppError("validation_failed", message, { employeeId: message });
  }
  const { schedule, structure } = assignment;
  return {
    id: schedule.id,
    frequency: schedule.frequency as PayFrequency,
    ...(schedule.anchorDate ? { anchorDate: toIsoDate(schedule.anchorDate) } : {}),
    currency: structure.currency,
  };
}

// The currency an employee is paid in, with its minor digits: amounts typed in major units become
// minor units with it.
export async function currencyOf(employeeId: string, date: IsoDate): Promise<{ code: string; minorDigits: number }> {
  const { currency } = await scheduleOf(employeeId, date);
  return { code: currency, minorDigits: CURRENCIES[currency]?.minorDigits ?? 2 };
}

export async function addPayAdjustment(user: PayrollUser, input: AdjustmentInput, correctsPayslipId: string | null = null) {
  requirePayroll(user);
  assertNotOwnPay(user, input.employeeId);
  if (!/^[A-Z][A-Z0-9_]{0,39}$/.test(input.code))
    throw new AppError("validation_failed", "A code is capital letters, digits or underscores.", { code: "A code is capital letters, digits or underscores." });
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new AppError("validation_failed", "The amount is a positive whole number of minor units.", { amount: "Enter a positive amount." });
  if (!input.name.trim()) throw new AppError("validation_failed", "Name it.", { name: "Name it, as the payslip should show it." });
  if (!input.reason.trim()) throw new AppError("validation_failed", "Say why.", { reason: "Say why." });
  if (await db.payComponent.findUnique({ where: { code: input.code }, select: { id: true } })) {
    const message = `${input.code} is a pay component's code; a one-off needs a code of its own, like BONUS.`;
    throw new AppError("validation_failed", message, { code: message });
  }
  const employee = await db.employee.findUnique({ where: { id: input.employeeId }, select: { id: true } });
  if (!employee) throw notFound("That employee");
  const periodStart = payPeriodContaining(await scheduleOf(input.employeeId, input.periodStart), input.periodStart).start;
  await assertPeriodOpen(periodStart);
  return asUser(user, () =>
    db.payAdjustment.create({
      data: {
        ...input,
        name: input.name.trim(),
        reason: input.reason.trim(),
        periodStart: fromIsoDate(periodStart),
        isTaxable: input.isTaxable ?? true,
        correctsPayslipId,
      },
      select: { id: true, periodStart: true },
    }),
  );
}

// Taking a one-off back before it is paid: only while its period's run is not approved.
export async function deletePayAdjustment(user: PayrollUser, id: string) {
  requirePayroll(user);
  const adjustment = await db.payAdjustment.findUnique({ where: { id }, select: { id: true, employeeId: true, periodStart: true } });
  if (!adjustment) throw notFound("That one-off");
  assertNotOwnPay(user, adjustment.employeeId);
  const periodStart = toIsoDate(adjustment.periodStart);
  const locked = await db.payRun.findFirst({ where: { periodStart: adjustment.periodStart, status: { in: LOCKED_STATUSES } }, select: { id: true } });
  if (locked) throw new AppError("conflict", `This was paid in the approved run for the period starting ${periodStart}: correct that payslip instead.`);
  await asUser(user, () => db.payAdjustment.delete({ where: { id } }));
}

export const ADJUSTMENT_SELECT = {
  id: true,
  employeeId: true,
  employee: {
    select: {
      firstName: true,
      lastName: true,
      employeeNumber: true,
      salaryAssignments: { select: { structure: { select: { currency: true } } }, orderBy: { effectiveFrom: "desc" as const }, take: 1 },
    },
  },
  periodStart: true,
  code: true,
  name: true,
  kind: true,
  amount: true,
  reason: true,
  isTaxable: true,
  correctsPayslipId: true,
  createdAt: true,
} as const;

// One-offs and corrections, newest first: of one period, one employee, or those correcting one payslip.
export async function listPayAdjustments(
  user: PayrollUser,
  query: { periodStart?: IsoDate; employeeId?: string; correctsPayslipId?: string; page: number; pageSize: number },
) {
  requirePayroll(user);
  const where = {
    ...(query.periodStart ? { periodStart: fromIsoDate(query.periodStart) } : {}),
    ...(query.employeeId ? { employeeId: query.employeeId } : {}),
    ...(query.correctsPayslipId ? { correctsPayslipId: query.correctsPayslipId } : {}),
  };
  const [rows, total] = await Promise.all([
    db.payAdjustment.findMany({
      where,
      select: ADJUSTMENT_SELECT,
      orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.payAdjustment.count({ where }),
  ]);
  const periods = [...new Set(rows.map((row) => row.periodStart.getTime()))].map((time) => new Date(time));
  const locked = new Set(
    (await db.payRun.findMany({ where: { periodStart: { in: periods }, status: { in: LOCKED_STATUSES } }, select: { periodStart: true } })).map((run) =>
      run.periodStart.getTime(),
    ),
  );
  return {
    rows: rows.map(({ employee, ...row }) => ({
      ...row,
      employee: { firstName: employee.firstName, lastName: employee.lastName, employeeNumber: employee.employeeNumber },
      currency: employee.salaryAssignments[0]?.structure.currency ?? "GBP",
      isLocked: locked.has(row.periodStart.getTime()),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export type AdjustmentRow = Awaited<ReturnType<typeof listPayAdjustments>>["rows"][number];

// The first period after `period` on the schedule whose run is not approved yet: where a
// correction of a locked payslip is paid.
async function nextOpenPeriod(schedule: Schedule, period: { start: IsoDate; end: IsoDate }): Promise<IsoDate> {
  let next = nextPayPeriod(schedule, { frequency: schedule.frequency, ...period });
  for (let step = 0; step < 120; step += 1) {
    const locked = await db.payRun.findFirst({ where: { periodStart: fromIsoDate(next.start), status: { in: LOCKED_STATUSES } }, select: { id: true } });
    if (!locked) return next.start;
    next = nextPayPeriod(schedule, next);
  }
  throw new AppError("conflict", "No open pay period was found in the next 120: enter the correction for a period yourself.");
}

// A correction of a locked payslip: `difference` more (ARREARS) or less (REVERSAL) gross pay than
// was paid, or the gross pay it should have had, carried into `periodStart` (by default the next
// period whose run is still open).
export async function correctPayslip(
  user: PayrollUser,
  input: { payslipId: string; periodStart?: IsoDate; reason: string } & ({ difference: number } | { correctedGross: number } | { correctedGrossMajor: number }),
) {
  requirePayroll(user);
  if (!input.reason.trim()) throw new AppError("validation_failed", "Say why.", { reason: "Say what was wrong, for the payslip." });
  const payslip = await db.payslip.findUnique({
    where: { id: input.payslipId },
    select: {
      id: true,
      employeeId: true,
      gross: true,
      currency: true,
      run: { select: { periodStart: true, periodEnd: true, status: true, frequency: true, schedule: { select: { anchorDate: true } } } },
    },
  });
  if (!payslip) throw notFound("That payslip");
  assertNotOwnPay(user, payslip.employeeId);
  if (payslip.run.status !== "APPROVED" && payslip.run.status !== "PAID")
    throw new AppError("conflict", "This payslip's run is not approved yet: recalculate the run instead.");
  const difference =
    "difference" in input
      ? input.difference
      : ("correctedGross" in input ? input.correctedGross : toMinorUnits(input.correctedGrossMajor, CURRENCIES[payslip.currency]?.minorDigits ?? 2)) -
        payslip.gross;
  if (!Number.isSafeInteger(difference)) throw new AppError("validation_failed", "Amounts are whole minor units.", { difference: "Enter an amount." });
  if (difference === 0) {
    const field = "difference" in input ? "difference" : "correctedGross";
    throw new AppError("validation_failed", "A correction changes pay by something.", { [field]: "This is what was paid: enter what it should have been." });
  }
  const period = { start: toIsoDate(payslip.run.periodStart), end: toIsoDate(payslip.run.periodEnd) };
  const schedule: Schedule = {
    frequency: payslip.run.frequency as PayFrequency,
    ...(payslip.run.schedule.anchorDate ? { anchorDate: toIsoDate(payslip.run.schedule.anchorDate) } : {}),
  };
  const periodStart = input.periodStart ?? (await nextOpenPeriod(schedule, period));
  const label = `${period.start} to ${period.end}`;
  const isArrears = difference > 0;
  return addPayAdjustment(
    user,
    {
      employeeId: payslip.employeeId,
      periodStart,
      code: isArrears ? "ARREARS" : "REVERSAL",
      name: isArrears ? `Arrears for ${label}` : `Reversal for ${label}`,
      kind: isArrears ? "EARNING" : "DEDUCTION",
      amount: Math.abs(difference),
      reason: `Correction of the payslip for ${label}: ${input.reason.trim()}`,
    },
    payslip.id,
  );
}
