import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { listPayslips } from "@/lib/payroll/list-payslips";
import { ZPayslipListQuery } from "@/lib/validations/payroll";
import { serializePayslipRow } from "../payroll/serialize";

export const dynamic = "force-dynamic";

// GET /api/v1/payslips?employee=&run=&page=&pageSize= - the caller's own payslips of approved runs,
// or (payroll users) anyone's; newest first
export const GET = apiRoute("payroll:view-own", async ({ request, user }) => {
  const query = ZPayslipListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await listPayslips(user, query);
  return NextResponse.json({ data: result.rows.map(serializePayslipRow), page: query.page, pageSize: query.pageSize, total: result.total });
});
