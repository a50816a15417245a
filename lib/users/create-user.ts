import "server-only";
import { randomBytes } from "node:crypto";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import type { CreateSignInInput } from "./validations";

// 16 random bytes as base64url: 22 characters, well above the 12-character minimum.
function generatePassword(): string {
  return randomBytes(16).toString("base64url");
}

// A sign-in for an employee who has none. Returns the generated password, if any, so it can be
// shown to the admin once; only its hash is stored (and the audit trail records it redacted).
export async function createUserForEmployee(
  actor: CurrentUser,
  input: CreateSignInInput,
): Promise<{ id: string; email: string; generatedPassword: string | null }> {
  if (!can(actor, "users:manage")) throw forbidden();
  const employee = await db.employee.findUnique({ where: { id: input.employeeId }, select: { workEmail: true, user: { select: { id: true } } } });
  if (!employee) throw new AppError("validation_failed", "Please correct the highlighted field.", { employeeId: "That employee does not exist." });
  if (employee.user) throw new AppError("conflict", "That employee already has a sign-in.", { employeeId: "That employee already has a sign-in." });
  const typed = input.passwordMode === "type" ? input.password : undefined;
  const password = typed ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const email = input.email ?? employee.workEmail;
  const user = await asUser(actor, () =>
    db.user.create({ data: { email, role: input.role, employeeId: input.employeeId, passwordHash }, select: { id: true, email: true } }),
  );
  return { ...user, generatedPassword: typed ? null : password };
}
