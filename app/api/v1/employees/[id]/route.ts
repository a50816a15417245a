import { apiRoute } from "@/lib/api/api-route";
import { ZBodyVersion } from "@/lib/api/require-caller";
import { NextResponse } from "next/server";
import { asJsonObject, flattenEmployeeBody, serializeEmployee } from "@/lib/api/serialize";
import { getEmployeeProfile, type EmployeeProfile } from "@/lib/employees/get-employee";
import { updateEmployee } from "@/lib/employees/save-employee";
import { AppError, forbidden } from "@/lib/errors";
import { readJson, zodFields } from "@/lib/api/api-error";
import { ZEmployeeInput } from "@/lib/validations/employees";

export const dynamic = "force-dynamic";

const EDITABLE = Object.keys(ZEmployeeInput.shape) as (keyof typeof ZEmployeeInput.shape)[];

// The stored record in the shape ZEmployeeInput accepts, so a partial body can be laid over it.
function editableFields(profile: EmployeeProfile): Record<string, unknown> {
  const { personal, salary } = profile;
  // Merging would blank what the caller cannot see; only callers who see everything may edit.
  if (!personal || !salary) throw forbidden();
  return {
    employeeNumber: profile.employeeNumber,
    firstName: profile.firstName,
    lastName: profile.lastName,
    workEmail: profile.workEmail,
    phone: profile.phone,
    jobTitle: profile.jobTitle,
    departmentId: profile.departmentId,
    managerId: profile.managerId,
    employmentType: profile.employmentType,
    hireDate: profile.hireDate,
    dateOfBirth: personal.dateOfBirth,
    salary: salary.cents === null ? null : salary.cents / 100,
    salaryCurrency: salary.currency,
    personalEmail: personal.personalEmail,
    address: personal.address,
    emergencyName: personal.emergencyName,
    emergencyRelation: personal.emergencyRelation,
    emergencyPhone: personal.emergencyPhone,
  };
}

// Only the editable fields of the body count, so a record fetched with GET can be edited and sent back.
function changedFields(body: Record<string, unknown>): Record<string, unknown> {
  const flat = flattenEmployeeBody(body);
  const changes: Record<string, unknown> = {};
  for (const key of EDITABLE) if (Object.hasOwn(flat, key)) changes[key] = flat[key];
  return changes;
}

// GET /api/v1/employees/:id - one employee; salary and personal data only where the caller may see them
export const GET = apiRoute<{ id: string }>("employees:read", async ({ user, params: { id } }) => {
  return NextResponse.json({ data: serializeEmployee(await getEmployeeProfile(user, id)) });
});

// PATCH /api/v1/employees/:id - change some fields of an employee; `version` (from GET) is required
// and a stale one answers 409, so nobody overwrites a change they have not seen
export const PATCH = apiRoute<{ id: string }>("employees:update", async ({ request, user, params: { id } }) => {
  const body = asJsonObject(await readJson(request));
  const version = ZBodyVersion.safeParse(body.version);
  if (!version.success)
    throw new AppError("validation_failed", "The request has invalid fields.", { version: "Send the version you last read; it is required." });
  const current = await getEmployeeProfile(user, id);
  const parsed = ZEmployeeInput.safeParse({ ...editableFields(current), ...changedFields(body) });
  if (!parsed.success) throw new AppError("validation_failed", "The request has invalid fields.", zodFields(parsed.error));
  await updateEmployee(user, id, version.data, parsed.data);
  return NextResponse.json({ data: serializeEmployee(await getEmployeeProfile(user, id)) });
});
