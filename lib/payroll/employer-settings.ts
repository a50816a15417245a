import "server-only";
import { asUser } from "@/lib/auth/actor";
import { readSetting, writeSetting } from "@/lib/settings/settings";
import { type PayrollUser, requirePayroll } from "./run-access";

// The employer as bank files name it: the account pay is sent from (IBAN and BIC for SEPA).
// Payroll users read and change it; every change is in the audit trail.
export type EmployerSettings = { name: string; iban: string | null; bic: string | null };

export async function getEmployerSettings(user: PayrollUser): Promise<EmployerSettings> {
  requirePayroll(user);
  return readSetting("payroll-employer");
}

export async function saveEmployerSettings(user: PayrollUser, input: EmployerSettings): Promise<void> {
  requirePayroll(user);
  await asUser(user, () => writeSetting("payroll-employer", input));
}
