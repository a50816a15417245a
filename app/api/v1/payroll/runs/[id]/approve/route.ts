import { NextResponse } from "next/server";
import { requireCaller } from "@/lib/api/require-caller";
import { handleApiError } from "@/lib/api/api-error";
import { approvePayRun } from "@/lib/payroll/approve-run";
import { findRunSummary } from "@/lib/payroll/list-runs";
import { serializeRun } from "../../../serialize";

export const dynamic = "force-dynamic";

// POST /api/v1/payroll/runs/:id/approve - approve a calculated run (payroll:approve, never the person who calculated it); needs PostgreSQL: 503 while the app runs on its SQLite copy
export async function POST(request: Request, context: RouteContext<"/api/v1/payroll/runs/[id]/approve">) {
  try {
    const user = await requireCaller(request, "payroll:approve");
    const { id } = await context.params;
    await approvePayRun(user, id);
    return NextResponse.json({ data: serializeRun(await findRunSummary(id)) });
  } catch (error) {
    return handleApiError(error, request);
  }
}
