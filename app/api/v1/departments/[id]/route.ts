import { requireCaller, ZBodyVersion } from "@/lib/api/require-caller";
import { NextResponse } from "next/server";
import { asJsonObject, toApiJson } from "@/lib/api/serialize";
import { getDepartment } from "@/lib/departments/get-department";
import { updateDepartment } from "@/lib/departments/save-department";
import { AppError } from "@/lib/errors";
import { handleApiError, readJson, zodFields } from "@/lib/http/api-error";
import { ZDepartmentInput } from "@/lib/validations/departments";

export const dynamic = "force-dynamic";

const EDITABLE = Object.keys(ZDepartmentInput.shape) as (keyof typeof ZDepartmentInput.shape)[];


// GET /api/v1/departments/:id - one department with its place in the tree and the members the caller may see
export async function GET(request: Request, context: RouteContext<"/api/v1/departments/[id]">) {
  try {
    const user = await requireCaller(request, "departments:read");
    const { id } = await context.params;
    return NextResponse.json({ data: toApiJson(await getDepartment(user, id)) });
  } catch (error) {
    return handleApiError(error, request);
  }
}

// PATCH /api/v1/departments/:id - change some fields of a department; `version` (from GET) is
// required and a stale one answers 409
export async function PATCH(request: Request, context: RouteContext<"/api/v1/departments/[id]">) {
  try {
    const user = await requireCaller(request, "departments:write");
    const { id } = await context.params;
    const fields = asJsonObject(await readJson(request));
    const version = ZBodyVersion.safeParse(fields.version);
    if (!version.success) throw new AppError("validation_failed", "The request has invalid fields.", { version: "Send the version you last read; it is required." });
    const current = await getDepartment(user, id);
    const merged: Record<string, unknown> = { name: current.name, code: current.code, parentId: current.parentId, headId: current.headId };
    for (const key of EDITABLE) if (Object.hasOwn(fields, key)) merged[key] = fields[key];
    const parsed = ZDepartmentInput.safeParse(merged);
    if (!parsed.success) throw new AppError("validation_failed", "The request has invalid fields.", zodFields(parsed.error));
    await updateDepartment(user, id, version.data, parsed.data);
    return NextResponse.json({ data: toApiJson(await getDepartment(user, id)) });
  } catch (error) {
    return handleApiError(error, request);
  }
}
