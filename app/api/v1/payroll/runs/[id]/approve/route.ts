import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { approvePayRun } from "@/lib/payroll/approve-run";
import { findRunSummary } from "@/lib/payroll/list-runs";
import { serializeRun } from "../../../serialize";

export const dynamic = "force-dynamic";

// POST /api/v1/payroll/runs/:id/approve - approve a calculated run (payroll:approve, never the person who calculated it); needs PostgreSQL: 503 while the app runs on its SQLite copy
export const POST = apiRoute<{ id: string }>("payroll:approve", async ({ user, params: { id } }) => {
  await approvePayRun(user, id);
  return NextResponse.json({ data: serializeRun(await findRunSummary(id)) });
});
