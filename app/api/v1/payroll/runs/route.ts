import { NextResponse } from "next/server";
import { requireCaller } from "@/lib/api/require-caller";
import { asJsonObject } from "@/lib/api/serialize";
import { handleApiError, readJson } from "@/lib/api/api-error";
import { createPayRun } from "@/lib/payroll/create-run";
import { findRunSummary, listPayRuns } from "@/lib/payroll/list-runs";
import { ZCreateRun, ZRunListQuery } from "@/lib/validations/payroll";
import { serializeRun } from "../serialize";

export const dynamic = "force-dynamic";

// GET /api/v1/payroll/runs?status=&page=&pageSize= - pay runs, newest period first (payroll users)
export async function GET(request: Request) {
  try {
    const user = await requireCaller(request, "payroll:manage");
    const query = ZRunListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const result = await listPayRuns(user, query);
    return NextResponse.json({ data: result.rows.map(serializeRun), page: query.page, pageSize: query.pageSize, total: result.total });
  } catch (error) {
    return handleApiError(error, request);
  }
}

// POST /api/v1/payroll/runs {"scheduleId","date","payDate"?} - a draft run for the schedule's period
// containing `date`; answers 201 with the run, 409 if that period already has one
export async function POST(request: Request) {
  try {
    const user = await requireCaller(request, "payroll:manage");
    const input = ZCreateRun.parse(asJsonObject(await readJson(request)));
    const { id } = await createPayRun(user, input);
    return NextResponse.json({ data: serializeRun(await findRunSummary(id)) }, { status: 201 });
  } catch (error) {
    return handleApiError(error, request);
  }
}
