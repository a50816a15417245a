import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson } from "@/lib/api/api-error";
import { apiRoute } from "@/lib/api/api-route";
import { ZBodyVersion } from "@/lib/api/require-caller";
import { changeEmployeeStatus } from "@/lib/employees/offboarding";
import { EMPLOYEE_STATUSES } from "@/lib/validations/employees";

export const dynamic = "force-dynamic";

const ZStatusBody = z.object({
  status: z.enum(EMPLOYEE_STATUSES),
  effectiveDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD.")
    .refine((text) => new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), "That is not a real date.")
    .transform((text) => new Date(`${text}T00:00:00Z`))
    .nullable()
    .optional(),
  reason: z.string().trim().max(200).nullable().optional(),
  newManagerId: z.string().min(1).max(64).nullable().optional(),
  version: ZBodyVersion,
});

// POST /api/v1/employees/:id/status - change an employee's status; TERMINATED with an effective
// date of today or earlier carries out the leaving at once (sign-in, sessions and tokens end;
// reports and pending approvals move to their manager or `newManagerId`), a later date schedules it
export const POST = apiRoute<{ id: string }>("employees:change-status", async ({ request, user, params }) => {
  const body = ZStatusBody.parse(await readJson(request));
  const result = await changeEmployeeStatus(user, params.id, body.version, {
    status: body.status,
    effectiveDate: body.effectiveDate ?? null,
    reason: body.reason || null,
    newManagerId: body.newManagerId ?? null,
  });
  return NextResponse.json({
    data: {
      id: result.id,
      version: result.version,
      status: result.status,
      exitDate: result.exitDate ? result.exitDate.toISOString().slice(0, 10) : null,
      moved: result.moved,
    },
  });
});
