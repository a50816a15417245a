import { apiRoute } from "@/lib/api/api-route";
import { ZBodyVersion } from "@/lib/api/require-caller";
import { NextResponse } from "next/server";
import { asJsonObject, toApiJson } from "@/lib/api/serialize";
import { getDepartment } from "@/lib/departments/get-department";
import { updateDepartment } from "@/lib/departments/save-department";
import { AppError } from "@/lib/errors";
import { readJson, zodFields } from "@/lib/api/api-error";
import { ZDepartmentInput } from "@/lib/validations/departments";

export const dynamic = "force-dynamic";

const EDITABLE = Object.keys(ZDepartmentInput.shape) as (keyof typeof ZDepartmentInput.shape)[];

// GET /api/v1/departments/:id - one department with its place in the tree and the members the caller may see
export const GET = apiRoute<{ id: string }>("departments:read", async ({ user, params: { id } }) => {
  return NextResponse.json({ data: toApiJson(await getDepartment(user, id)) });
});

// PATCH /api/v1/departments/:id - change some fields of a department; `version` (from GET) is
// required and a stale one answers 409
export const PATCH = apiRoute<{ id: string }>("departments:write", async ({ request, user, params: { id } }) => {
  const fields = asJsonObject(await readJson(request));
  const version = ZBodyVersion.safeParse(fields.version);
  if (!version.success)
    throw new AppError("validation_failed", "The request has invalid fields.", { version: "Send the version you last read; it is required." });
  const current = await getDepartment(user, id);
  const merged: Record<string, unknown> = { name: current.name, code: current.code, parentId: current.parentId, headId: current.headId };
  for (const key of EDITABLE) if (Object.hasOwn(fields, key)) merged[key] = fields[key];
  const parsed = ZDepartmentInput.safeParse(merged);
  if (!parsed.success) throw new AppError("validation_failed", "The request has invalid fields.", zodFields(parsed.error));
  await updateDepartment(user, id, version.data, parsed.data);
  return NextResponse.json({ data: toApiJson(await getDepartment(user, id)) });
});
