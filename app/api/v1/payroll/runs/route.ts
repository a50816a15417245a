import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/api-error";
import { apiRoute } from "@/lib/api/api-route";
import { asJsonObject } from "@/lib/api/serialize";
import { createPayRun } from "@/lib/payroll/create-run";
import { findRunSummary, listPayRuns } from "@/lib/payroll/list-runs";
import { ZCreateRun, ZRunListQuery } from "@/lib/validations/payroll";
import { serializeRun } from "../serialize";

export const dynamic = "force-dynamic";

// GET /api/v1/payroll/runs?status=&page=&pageSize= - pay runs, newest period first (payroll users)
export const GET = apiRoute("payroll:manage", async ({ request, user }) => {
  const query = ZRunListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await listPayRuns(user, query);
  return NextResponse.json({ data: result.rows.map(serializeRun), page: query.page, pageSize: query.pageSize, total: result.total });
});

// POST /api/v1/payroll/runs {"scheduleId","date","payDate"?} - a draft run for the schedule's period
// containing `date`; answers 201 with the run, 409 if that period already has one
export const POST = apiRoute("payroll:manage", async ({ request, user }) => {
  const input = ZCreateRun.parse(asJsonObject(await readJson(request)));
  const { id } = await createPayRun(user, input);
  return NextResponse.json({ data: serializeRun(await findRunSummary(id)) }, { status: 201 });
});
