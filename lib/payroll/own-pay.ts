import "server-only";
import { AppError } from "@/lib/errors";
import { type PayrollUser } from "./run-access";

// Nobody decides their own pay: a payroll user's own salary assignment, one-offs and corrections
// are made by a colleague. (Their own bank details are theirs to keep, as for everyone.)
export const OWN_PAY = "You cannot change your own pay: ask another payroll user to do this.";

export function assertNotOwnPay(user: PayrollUser, employeeId: string): void {
  if (user.employeeId !== null && user.employeeId === employeeId) throw new AppError("forbidden", OWN_PAY);
}
