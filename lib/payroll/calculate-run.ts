import "server-only";
import { uuidv7 } from "uuidv7";
import { asUser } from "@/lib/auth/actor";
import { db, withTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type IsoDate, toIsoDate } from "@/lib/leave/dates";
import { log } from "@/lib/log";
import { prismaCode } from "@/lib/prisma-errors";
import { loadBracketRules, loadCalendar, loadStructures, payrollSettings, taxRulesFor } from "./definitions";
import { calculatePayslip, type PayFrequency, type PayslipCalculation, type PayslipLine, taxYearStartFor } from "./engine";
import { assertNotLocked, findRunOrThrow, type PayrollUser, requirePayroll } from "./run-access";
import { type EmployeeInputs, loadEmployeeInputs } from "./run-inputs";

// Calculating a run: employees in id order, a batch at a time. Each batch is read in a few
// queries, calculated by the pure engine and written in one transaction together with the run's
// cursor (the last employee done), so memory stays bounded by the batch and a calculation cut off
// by a restart carries on from its cursor when asked again. Payslip rows are not audited one by
// one (a run has thousands); the run's own changes are.
export type CalculationProgress = { done: number; total: number };
export type CalculateOptions = { batchSize?: number; onProgress?: (progress: CalculationProgress) => void; today?: IsoDate };

const DEFAULT_BATCH = 500;
const STALE = "Someone else changed this run while it was being calculated; reload it and calculate again.";

// Who a run pays: employed at some point in its period, with an assignment on its schedule by the
// period's end.
export function employeesOfRun(run: { scheduleId: string; periodStart: Date; periodEnd: Date }) {
  return {
    hireDate: { lte: run.periodEnd },
    OR: [{ exitDate: null }, { exitDate: { gte: run.periodStart } }],
    salaryAssignments: { some: { scheduleId: run.scheduleId, effectiveFrom: { lte: run.periodEnd } } },
  };
}

export async function calculatePayRun(user: PayrollUser, runId: string, options: CalculateOptions = {}) {
  requirePayroll(user);
  let run = await findRunOrThrow(runId);
  assertNotLocked(run);
  const where = employeesOfRun(run);
  if (run.status !== "CALCULATING") {
    // A fresh start: a draft, a recalculation of a calculated run, or one that failed.
    const total = await db.employee.count({ where });
    run = await asUser(user, () =>
      withTransaction(async (tx) => {
        await tx.payslip.deleteMany({ where: { runId } });
        return tx.payRun.update({
          where: { id: runId, version: run.version },
          data: {
            status: "CALCULATING",
            cursor: null,
            calculatedCount: 0,
            flaggedCount: 0,
            employeeCount: total,
            totals: null,
            lastError: null,
            calculatedById: user.id,
            calculatedAt: null,
            version: { increment: 1 },
          },
        });
      }),
    ).catch(rethrowStale);
  }

  const schedule = await db.paySchedule.findUniqueOrThrow({ where: { id: run.scheduleId } });
  const window = {
    periodStart: toIsoDate(run.periodStart),
    periodEnd: toIsoDate(run.periodEnd),
    payDate: toIsoDate(run.payDate),
    taxYearStartsOn: taxYearStartFor(toIsoDate(run.payDate), schedule.taxYearStart),
    deductAbsences: schedule.deductAbsences,
    today: options.today ?? toIsoDate(new Date()),
  };
  const calendar = await loadCalendar(window.periodStart, window.periodEnd);
  const settings = payrollSettings(schedule, calendar);
  const bracketRules = schedule.taxRules === "BRACKETS" ? await loadBracketRules() : [];
  const structures = await loadStructures((await db.salaryStructure.findMany({ select: { id: true } })).map((row) => row.id));
  const period = { frequency: run.frequency as PayFrequency, start: window.periodStart, end: window.periodEnd };
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let { version, cursor, calculatedCount } = run;
  options.onProgress?.({ done: calculatedCount, total: run.employeeCount });

  const calculateOne = (employee: EmployeeInputs) => {
    const structure = structures.get(employee.assignment.structureId);
    if (!structure) throw new AppError("validation_failed", `${employee.name} (${employee.employeeNumber}) has a salary structure that no longer exists.`);
    try {
      const calculation = calculatePayslip({
        structure,
        period,
        payDate: window.payDate,
        employment: { hireDate: employee.hireDate, exitDate: employee.exitDate },
        basePay: employee.basePay,
        settings,
        unpaidLeave: employee.unpaidLeave,
        absences: employee.absences,
        adjustments: employee.adjustments,
        taxes: taxRulesFor(schedule, employee.assignment, bracketRules),
        yearToDate: employee.previous?.yearToDate ?? null,
      });
      return toPayslipRow(runId, employee, calculation, schedule.flagChangePercent);
    } catch (error) {
      if (error instanceof AppError) throw new AppError(error.code, `${employee.name} (${employee.employeeNumber}): ${error.message}`, error.fields);
      throw error;
    }
  };

  // One batch is written while the next is read and calculated: the database works on the first
  // while this process works on the second. Writes stay one at a time, in order, each with the run's
  // cursor, so a restart carries on exactly after the last batch written.
  const write = async (ids: string[], payslips: ReturnType<typeof toPayslipRow>[]) => {
    const last = ids.at(-1)!;
    try {
      const updated = await withTransaction(async (tx) => {
        await tx.payslip.deleteMany({ where: { runId, employeeId: { in: ids } } });
        if (payslips.length) await tx.payslip.createMany({ data: payslips });
        return tx.payRun.update({
          where: { id: runId, version, status: "CALCULATING" },
          data: { cursor: last, calculatedCount: { increment: payslips.length }, version: { increment: 1 } },
          select: { version: true, calculatedCount: true },
        });
      });
      ({ version, calculatedCount } = updated);
    } catch (error) {
      rethrowStale(error);
    }
    options.onProgress?.({ done: calculatedCount, total: Math.max(run.employeeCount, calculatedCount) });
  };
  let writing: Promise<void> = Promise.resolve();
  for (;;) {
    const ids = (
      await db.employee.findMany({
        where: { ...where, ...(cursor ? { id: { gt: cursor } } : {}) },
        select: { id: true },
        orderBy: { id: "asc" },
        take: batchSize,
      })
    ).map((row) => row.id);
    if (ids.length === 0) break;
    const inputs = (await loadEmployeeInputs(ids, window, calendar)).filter((employee) => employee.assignment.scheduleId === run.scheduleId);
    let payslips: ReturnType<typeof toPayslipRow>[];
    try {
      payslips = inputs.map((employee) => calculateOne(employee));
    } catch (error) {
      await writing;
      // A definition or input someone must fix first: the run goes back to draft with the reason.
      if (error instanceof AppError) {
        await asUser(user, () =>
          db.payRun.update({ where: { id: runId, version }, data: { status: "DRAFT", cursor: null, lastError: error.message, version: { increment: 1 } } }),
        ).catch(rethrowStale);
      }
      throw error;
    }
    await writing;
    writing = write(ids, payslips);
    // An unhandled rejection must not escape while the next batch is prepared; it is awaited below.
    writing.catch(() => undefined);
    cursor = ids.at(-1)!;
  }
  await writing;
  return finishCalculation(user, runId, version).catch(async (error: unknown) => {
    log.error("payroll calculation could not finish", { runId, error: error instanceof Error ? error.message : String(error) });
    throw error;
  });
}

function rethrowStale(error: unknown): never {
  if (prismaCode(error) === "P2025") throw new AppError("conflict", STALE);
  throw error;
}

async function finishCalculation(user: PayrollUser, runId: string, version: number) {
  const [sums, count, flagged, byCurrency] = await Promise.all([
    db.payslip.aggregate({ where: { runId }, _sum: { gross: true, totalDeductions: true, net: true, employerContributions: true, employerCost: true } }),
    db.payslip.count({ where: { runId } }),
    db.payslip.count({ where: { runId, isFlagged: true } }),
    db.payslip.groupBy({ by: ["currency"], where: { runId }, _count: { _all: true } }),
  ]);
  const totals = {
    currencies: byCurrency.map((row) => row.currency).sort(),
    gross: Number(sums._sum.gross ?? 0),
    totalDeductions: Number(sums._sum.totalDeductions ?? 0),
    net: Number(sums._sum.net ?? 0),
    employerContributions: Number(sums._sum.employerContributions ?? 0),
    employerCost: Number(sums._sum.employerCost ?? 0),
  };
  return asUser(user, () =>
    db.payRun.update({
      where: { id: runId, version, status: "CALCULATING" },
      data: {
        status: "CALCULATED",
        calculatedAt: new Date(),
        calculatedById: user.id,
        employeeCount: count,
        calculatedCount: count,
        flaggedCount: flagged,
        totals: JSON.stringify(totals),
        cursor: null,
        version: { increment: 1 },
      },
    }),
  ).catch(rethrowStale);
}

// A payslip as a row, its lines in it, with the change against the previous period flagged when it
// passes the schedule's threshold or the engine warned.
export function toPayslipRow(runId: string, employee: EmployeeInputs, calculation: PayslipCalculation, flagChangePercent: number) {
  const { totals } = calculation;
  const reasons: string[] = [...calculation.warnings];
  const previousNet = employee.previous?.net ?? null;
  if (previousNet !== null && previousNet !== 0) {
    const change = ((totals.net - previousNet) / Math.abs(previousNet)) * 100;
    if (Math.abs(change) > flagChangePercent)
      reasons.push(`Net pay ${change > 0 ? "rose" : "fell"} ${Math.abs(change).toFixed(1)}% against the previous period.`);
  }
  const hasAccount = Boolean(employee.bank.iban || employee.bank.sortCode);
  return {
    id: uuidv7(),
    runId,
    employeeId: employee.id,
    currency: calculation.currency,
    gross: totals.gross,
    taxablePay: totals.taxablePay,
    contributablePay: totals.contributablePay,
    totalDeductions: totals.totalDeductions,
    net: totals.net,
    employerContributions: totals.employerContributions,
    employerCost: totals.employerCost,
    days: JSON.stringify(calculation.days),
    yearToDate: JSON.stringify(calculation.yearToDate),
    warnings: JSON.stringify(calculation.warnings),
    previousNet,
    isFlagged: reasons.length > 0,
    flagReason: reasons.length ? reasons.join(" ") : null,
    payee: hasAccount ? JSON.stringify(employee.bank) : null,
    lines: JSON.stringify(calculation.lines satisfies PayslipLine[]),
  };
}
