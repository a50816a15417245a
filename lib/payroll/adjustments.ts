import "server-only";
import { asUser } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { fromIsoDate, type IsoDate, toIsoDate } from "@/lib/leave/dates";
import { type PayrollUser, requirePayroll } from "./run-access";

// One-off additions and deductions for a period (a bonus, an advance recovery), and corrections of
// a locked run: an approved payslip is never edited; the difference is paid or recovered as an
// arrears or reversal line in a later period, with a reason that names the payslip it corrects.
export type AdjustmentInput = {
  employeeId: string;
  periodStart: IsoDate;
  code: string;
  name: string;
  kind: "EARNING" | "DEDUCTION";
  amount: number;
  reason: string;
  isTaxable?: boolean;
};

async function assertPeriodOpen(periodStart: IsoDate) {
  const locked = await db.payRun.findFirst({ where: { periodStart: fromIsoDate(periodStart), status: { in: ["APPROVED", "PAID"] } }, select: { id: true } });
  if (locked) throw new AppError("conflict", `The run for the period starting ${periodStart} is approved: enter this for a later period.`);
}

export async function addPayAdjustment(user: PayrollUser, input: AdjustmentInput, correctsPayslipId: string | null = null) {
  requirePayroll(user);
  if (!/^[A-Z][A-Z0-9_]{0,39}$/.test(input.code))
    throw new AppError("validation_failed", "A code is capital letters, digits or underscores.", { code: "A code is capital letters, digits or underscores." });
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new AppError("validation_failed", "The amount is a positive whole number of minor units.", { amount: "Enter a positive amount." });
  if (!input.reason.trim()) throw new AppError("validation_failed", "Say why.", { reason: "Say why." });
  await assertPeriodOpen(input.periodStart);
  return asUser(user, () =>
    db.payAdjustment.create({
      data: { ...input, periodStart: fromIsoDate(input.periodStart), isTaxable: input.isTaxable ?? true, correctsPayslipId },
      select: { id: true },
    }),
  );
}

// A correction of a locked payslip: `amount` more (ARREARS) or less (REVERSAL) than was paid,
// carried into the period starting `periodStart`.
export async function correctPayslip(user: PayrollUser, input: { payslipId: string; periodStart: IsoDate; difference: number; reason: string }) {
  requirePayroll(user);
  const payslip = await db.payslip.findUnique({
    where: { id: input.payslipId },
    select: { id: true, employeeId: true, run: { select: { periodStart: true, periodEnd: true, status: true } } },
  });
  if (!payslip) throw notFound("That payslip");
  if (payslip.run.status !== "APPROVED" && payslip.run.status !== "PAID")
    throw new AppError("conflict", "This payslip's run is not approved yet: recalculate the run instead.");
  if (input.difference === 0) throw new AppError("validation_failed", "A correction changes pay by something.", { difference: "Enter the difference." });
  const period = `${toIsoDate(payslip.run.periodStart)} to ${toIsoDate(payslip.run.periodEnd)}`;
  const isArrears = input.difference > 0;
  return addPayAdjustment(
    user,
    {
      employeeId: payslip.employeeId,
      periodStart: input.periodStart,
      code: isArrears ? "ARREARS" : "REVERSAL",
      name: isArrears ? `Arrears for ${period}` : `Reversal for ${period}`,
      kind: isArrears ? "EARNING" : "DEDUCTION",
      amount: Math.abs(input.difference),
      reason: `Correction of the payslip for ${period}: ${input.reason.trim()}`,
    },
    payslip.id,
  );
}
