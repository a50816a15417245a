import "server-only";
import { db } from "@/lib/db";
import { CURRENCIES, type PayslipLine } from "../engine";
import { type Payee } from "../get-payslip";

const EMPTY_PAYEE: Payee = { bankAccountName: null, iban: null, bic: null, sortCode: null, bankAccountNumber: null };

// A run's payslips with their employees and lines, a batch at a time, for the files made from a
// run (register, bank file, journal): memory stays bounded by the batch whatever the run's size.
const BATCH = 1_000;

export async function* runPayslips(runId: string) {
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.payslip.findMany({
      where: { runId, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: {
        id: true,
        employeeId: true,
        employee: { select: { employeeNumber: true, firstName: true, lastName: true, department: { select: { code: true } } } },
        currency: true,
        gross: true,
        taxablePay: true,
        totalDeductions: true,
        net: true,
        employerContributions: true,
        employerCost: true,
        payee: true,
        lines: true,
      },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) return;
    cursor = rows.at(-1)!.id;
    for (const row of rows) {
      const payee = row.payee ? (JSON.parse(row.payee) as Payee) : EMPTY_PAYEE;
      yield { ...row, ...payee, lines: JSON.parse(row.lines) as PayslipLine[] };
    }
  }
}

export type RunPayslip = Awaited<ReturnType<ReturnType<typeof runPayslips>["next"]>>["value"] & object;

// Minor units as a decimal string with the currency's decimals ("1234.50"), exact.
export function decimal(minor: number, currency = "GBP"): string {
  const digits = CURRENCIES[currency]?.minorDigits ?? 2;
  const sign = minor < 0 ? "-" : "";
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
