import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { markPayRunPaid } from "@/lib/payroll/approve-run";
import { findRunSummary } from "@/lib/payroll/list-runs";
import { serializeRun } from "../../../serialize";

export const dynamic = "force-dynamic";

// POST /api/v1/payroll/runs/:id/pay - mark an approved run paid and send everyone their payslip notice (payroll:approve); needs PostgreSQL: 503 while the app runs on its SQLite copy
export const POST = apiRoute<{ id: string }>("payroll:approve", async ({ user, params: { id } }) => {
  await markPayRunPaid(user, id);
  return NextResponse.json({ data: serializeRun(await findRunSummary(id)) });
});
