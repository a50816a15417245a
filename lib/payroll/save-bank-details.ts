import "server-only";
import { asUser } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { prismaCode } from "@/lib/prisma-errors";
import { type BankDetails } from "./bank-details";
import { type PayrollUser } from "./run-access";

// Bank details are seen and changed by payroll and by the employee themselves; nobody else.
export function canSeeBankDetails(user: PayrollUser, employeeId: string): boolean {
  return can(user, "payroll:manage") || (can(user, "payroll:view-own") && user.employeeId === employeeId);
}

export async function getBankDetails(user: PayrollUser, employeeId: string) {
  if (!canSeeBankDetails(user, employeeId)) throw notFound("That employee");
  const row = await db.employee.findUnique({
    where: { id: employeeId },
    select: { bankAccountName: true, iban: true, bic: true, sortCode: true, bankAccountNumber: true, version: true },
  });
  if (!row) throw notFound("That employee");
  return row;
}

export async function saveBankDetails(user: PayrollUser, employeeId: string, version: number, input: BankDetails) {
  if (!canSeeBankDetails(user, employeeId)) throw forbidden();
  try {
    return await asUser(user, () => db.employee.update({ where: { id: employeeId, version }, data: input, select: { id: true, version: true } }));
  } catch (error) {
    if (prismaCode(error) === "P2025") throw new AppError("conflict", "These bank details changed since you opened them; reload and try again.");
    throw error;
  }
}
