import type { Role } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { EmployeeProfile } from "@/lib/employees/get-employee";
import type { DirectoryRow } from "@/lib/employees/list-employees";

// The JSON API's shapes, both ways. Out: calendar dates as "YYYY-MM-DD" (the format it accepts
// back), timestamps as full ISO strings, money in major units, never a secret column. In: a body is
// a JSON object, and an employee may come back in the shape it was sent.
const SECRET_KEYS = new Set(["passwordHash", "tokenHash"]);

export function isoDate(value: Date | null | undefined): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

export function isoTimestamp(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}

// Generic shaping for records without a dedicated serializer: dates become ISO timestamps and
// secret columns are dropped at any depth.
export function toApiJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toApiJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !SECRET_KEYS.has(key))
        .map(([key, item]) => [key, toApiJson(item)]),
    );
  }
  return value;
}

export function serializeEmployeeRow(row: DirectoryRow) {
  return {
    id: row.id,
    employeeNumber: row.employeeNumber,
    firstName: row.firstName,
    lastName: row.lastName,
    workEmail: row.workEmail,
    jobTitle: row.jobTitle,
    status: row.status,
    hireDate: isoDate(row.hireDate),
    department: row.department,
    manager: row.manager,
  };
}

// `personal` and `salary` are null when the caller may not see them (the rules live in
// getEmployeeProfile); a visible salary that was never recorded has a null amount.
export function serializeEmployee(profile: EmployeeProfile) {
  const { personal, salary, hireDate, exitDate, updatedAt } = profile;
  return {
    id: profile.id,
    employeeNumber: profile.employeeNumber,
    firstName: profile.firstName,
    lastName: profile.lastName,
    workEmail: profile.workEmail,
    phone: profile.phone,
    jobTitle: profile.jobTitle,
    employmentType: profile.employmentType,
    status: profile.status,
    exitReason: profile.exitReason,
    departmentId: profile.departmentId,
    managerId: profile.managerId,
    department: profile.department,
    manager: profile.manager,
    reports: profile.reports,
    version: profile.version,
    hireDate: isoDate(hireDate),
    exitDate: isoDate(exitDate),
    updatedAt: isoTimestamp(updatedAt),
    personal: personal ? { ...personal, dateOfBirth: isoDate(personal.dateOfBirth) } : null,
    salary: salary ? { amount: salary.cents === null ? null : salary.cents / 100, currency: salary.currency } : null,
  };
}

// Create and update bodies are JSON objects; anything else (an array, a string, null) is a 400.
export function asJsonObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("bad_request", "The request body must be a JSON object.");
  return body as Record<string, unknown>;
}

const PERSONAL_FIELDS = ["dateOfBirth", "personalEmail", "address", "emergencyName", "emergencyRelation", "emergencyPhone"] as const;

// Input in the shape the API sends back: `salary: { amount, currency }` and the `personal` group are
// accepted as well as the flat fields the forms use (a flat field wins). Anything malformed is left
// for validation to refuse; a salary object without `amount` stays an object, which it rejects.
export function flattenEmployeeBody(body: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = { ...body };
  const { salary, personal } = body;
  if (salary && typeof salary === "object" && !Array.isArray(salary) && Object.hasOwn(salary, "amount")) {
    const { amount, currency } = salary as { amount: unknown; currency?: unknown };
    flat.salary = amount;
    if (currency !== undefined && !Object.hasOwn(body, "salaryCurrency")) flat.salaryCurrency = currency;
  }
  if (personal && typeof personal === "object" && !Array.isArray(personal)) {
    for (const key of PERSONAL_FIELDS) if (Object.hasOwn(personal, key) && !Object.hasOwn(body, key)) flat[key] = (personal as Record<string, unknown>)[key];
  }
  return flat;
}

export function serializeSessionUser(user: { id: string; email: string; role: Role }) {
  return { id: user.id, email: user.email, role: user.role };
}
