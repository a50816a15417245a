import "server-only";
import { db } from "@/lib/db";
import { CURRENCIES } from "../engine";

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
        bankAccountName: true,
        iban: true,
        bic: true,
        sortCode: true,
        bankAccountNumber: true,
        lines: { select: { code: true, name: true, kind: true, amount: true }, orderBy: { position: "asc" } },
      },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) return;
    cursor = rows.at(-1)!.id;
    yield* rows;
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
