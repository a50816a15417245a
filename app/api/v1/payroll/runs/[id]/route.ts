import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { getPayRun } from "@/lib/payroll/get-run";
import { ZRunQuery } from "@/lib/validations/payroll";
import { serializeRun, serializeRunPayslip } from "../../serialize";

export const dynamic = "force-dynamic";

// GET /api/v1/payroll/runs/:id?flagged=true&page=&pageSize= - a run and a page of its payslips, each
// with its change against the previous period and whether it is flagged (flagged first)
export const GET = apiRoute<{ id: string }>("payroll:manage", async ({ request, user, params: { id } }) => {
  const query = ZRunQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await getPayRun(user, id, { page: query.page, pageSize: query.pageSize, flaggedOnly: query.flagged === "true" });
  return NextResponse.json({
    data: { ...serializeRun(result.run), payslips: result.payslips.map(serializeRunPayslip) },
    page: query.page,
    pageSize: query.pageSize,
    total: result.total,
  });
});
