import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { type PayslipLine, type YearToDate } from "./engine";
import { payslipScope } from "./payslip-access";
import { type PayrollUser } from "./run-access";

// One payslip with every line and its reason, the days it was worked out on and the year to date.
// Anyone who may not see it gets "not found", as for other people's records.
export async function getPayslip(user: PayrollUser, id: string) {
  const scope = payslipScope(user);
  if (!scope) throw notFound("That payslip");
  const payslip = await db.payslip.findFirst({
    where: { id, ...scope },
    select: {
      id: true,
      runId: true,
      employeeId: true,
      employee: { select: { employeeNumber: true, firstName: true, lastName: true, jobTitle: true, department: { select: { name: true } } } },
      run: { select: { periodStart: true, periodEnd: true, payDate: true, status: true, frequency: true } },
      currency: true,
      gross: true,
      taxablePay: true,
      contributablePay: true,
      totalDeductions: true,
      net: true,
      employerContributions: true,
      employerCost: true,
      days: true,
      yearToDate: true,
      warnings: true,
      previousNet: true,
      isFlagged: true,
      flagReason: true,
      payee: true,
      lines: true,
      version: true,
    },
  });
  if (!payslip) throw notFound("That payslip");
  return {
    ...payslip,
    days: JSON.parse(payslip.days) as Record<string, number | string>,
    yearToDate: JSON.parse(payslip.yearToDate) as YearToDate,
    warnings: JSON.parse(payslip.warnings) as string[],
    lines: JSON.parse(payslip.lines) as PayslipLine[],
    payee: payslip.payee ? (JSON.parse(payslip.payee) as Payee) : null,
  };
}

export type Payee = { bankAccountName: string | null; iban: string | null; bic: string | null; sortCode: string | null; bankAccountNumber: string | null };

export type PayslipDetail = Awaited<ReturnType<typeof getPayslip>>;
