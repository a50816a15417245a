import { isoDate, isoTimestamp } from "@/lib/api/serialize";
import { CURRENCIES } from "@/lib/payroll/engine";
import type { AdjustmentRow } from "@/lib/payroll/adjustments";
import type { PayslipDetail } from "@/lib/payroll/get-payslip";
import type { getPayRun } from "@/lib/payroll/get-run";
import type { listPayslips } from "@/lib/payroll/list-payslips";
import type { RunSummary } from "@/lib/payroll/list-runs";

// Payroll as the API shows it: money in major units of its currency (as the rest of the API),
// worked out exactly from the stored minor units; dates as YYYY-MM-DD.
export function major(minor: number, currency: string): number {
  return minor / 10 ** (CURRENCIES[currency]?.minorDigits ?? 2);
}

export function serializeRun(run: RunSummary) {
  const totals = run.totals
    ? (JSON.parse(run.totals) as {
        currencies: string[];
        gross: number;
        totalDeductions: number;
        net: number;
        employerContributions: number;
        employerCost: number;
      })
    : null;
  const currency = totals?.currencies.length === 1 ? totals.currencies[0] : null;
  return {
    id: run.id,
    schedule: { id: run.scheduleId, code: run.schedule.code, name: run.schedule.name },
    frequency: run.frequency,
    periodStart: isoDate(run.periodStart),
    periodEnd: isoDate(run.periodEnd),
    payDate: isoDate(run.payDate),
    status: run.status,
    employees: run.employeeCount,
    calculated: run.calculatedCount,
    flagged: run.flaggedCount,
    totals:
      totals && currency
        ? {
            currency,
            gross: major(totals.gross, currency),
            deductions: major(totals.totalDeductions, currency),
            net: major(totals.net, currency),
            employerCost: major(totals.employerCost, currency),
          }
        : null,
    lastError: run.lastError,
    calculatedBy: run.calculatedById,
    calculatedAt: isoTimestamp(run.calculatedAt),
    approvedBy: run.approvedById,
    approvedAt: isoTimestamp(run.approvedAt),
    paidBy: run.paidById,
    paidAt: isoTimestamp(run.paidAt),
    version: run.version,
  };
}

type RunPayslip = Awaited<ReturnType<typeof getPayRun>>["payslips"][number];

export function serializeRunPayslip(row: RunPayslip) {
  const change = row.previousNet === null ? null : major(row.net - row.previousNet, row.currency);
  return {
    id: row.id,
    employee: { id: row.employeeId, employeeNumber: row.employee.employeeNumber, name: `${row.employee.firstName} ${row.employee.lastName}` },
    currency: row.currency,
    gross: major(row.gross, row.currency),
    deductions: major(row.totalDeductions, row.currency),
    net: major(row.net, row.currency),
    previousNet: row.previousNet === null ? null : major(row.previousNet, row.currency),
    change,
    isFlagged: row.isFlagged,
    flagReason: row.flagReason,
  };
}

type PayslipRow = Awaited<ReturnType<typeof listPayslips>>["rows"][number];

export function serializePayslipRow(row: PayslipRow) {
  return {
    id: row.id,
    runId: row.runId,
    employee: { id: row.employeeId, employeeNumber: row.employee.employeeNumber, name: `${row.employee.firstName} ${row.employee.lastName}` },
    periodStart: isoDate(row.run.periodStart),
    periodEnd: isoDate(row.run.periodEnd),
    payDate: isoDate(row.run.payDate),
    runStatus: row.run.status,
    currency: row.currency,
    gross: major(row.gross, row.currency),
    deductions: major(row.totalDeductions, row.currency),
    net: major(row.net, row.currency),
  };
}

export function serializePayslip(payslip: PayslipDetail) {
  const money = (minor: number) => major(minor, payslip.currency);
  const ytd = payslip.yearToDate;
  return {
    id: payslip.id,
    runId: payslip.runId,
    employee: { id: payslip.employeeId, employeeNumber: payslip.employee.employeeNumber, name: `${payslip.employee.firstName} ${payslip.employee.lastName}` },
    periodStart: isoDate(payslip.run.periodStart),
    periodEnd: isoDate(payslip.run.periodEnd),
    payDate: isoDate(payslip.run.payDate),
    runStatus: payslip.run.status,
    currency: payslip.currency,
    days: payslip.days,
    lines: payslip.lines.map((line) => ({
      code: line.code,
      name: line.name,
      kind: line.kind,
      source: line.source,
      amount: money(line.amount),
      basis: line.basis,
      rounding: line.rounding,
      isTaxable: line.isTaxable,
      isContributable: line.isContributable,
    })),
    totals: {
      gross: money(payslip.gross),
      taxablePay: money(payslip.taxablePay),
      contributablePay: money(payslip.contributablePay),
      deductions: money(payslip.totalDeductions),
      net: money(payslip.net),
      employerContributions: money(payslip.employerContributions),
      employerCost: money(payslip.employerCost),
    },
    yearToDate: {
      taxYearStartsOn: ytd.taxYearStartsOn,
      gross: money(ytd.gross),
      taxablePay: money(ytd.taxablePay),
      deductions: money(ytd.totalDeductions),
      net: money(ytd.net),
      byCode: Object.fromEntries(Object.entries(ytd.byCode).map(([code, amount]) => [code, money(amount)])),
    },
    warnings: payslip.warnings,
    isFlagged: payslip.isFlagged,
    flagReason: payslip.flagReason,
  };
}

export function serializeAdjustment(row: AdjustmentRow) {
  return {
    id: row.id,
    employee: { id: row.employeeId, employeeNumber: row.employee.employeeNumber, name: `${row.employee.firstName} ${row.employee.lastName}` },
    periodStart: isoDate(row.periodStart),
    kind: row.kind,
    code: row.code,
    name: row.name,
    currency: row.currency,
    amount: major(row.amount, row.currency),
    reason: row.reason,
    isTaxable: row.isTaxable,
    correctsPayslipId: row.correctsPayslipId,
    isLocked: row.isLocked,
    createdAt: isoTimestamp(row.createdAt),
  };
}
