import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/api-error";
import { apiRoute } from "@/lib/api/api-route";
import { asJsonObject } from "@/lib/api/serialize";
import { toIsoDate } from "@/lib/leave/dates";
import { addPayAdjustment, currencyOf, listPayAdjustments } from "@/lib/payroll/adjustments";
import { toMinorUnits } from "@/lib/payroll/format";
import { ZAdjustmentInput, ZAdjustmentListQuery } from "@/lib/validations/payroll";
import { serializeAdjustment } from "../serialize";

export const dynamic = "force-dynamic";

// GET /api/v1/payroll/adjustments?period=&employee=&page=&pageSize= - one-offs and corrections,
// newest period first (payroll users)
export const GET = apiRoute("payroll:manage", async ({ request, user }) => {
  const query = ZAdjustmentListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await listPayAdjustments(user, { periodStart: query.period, employeeId: query.employee, page: query.page, pageSize: query.pageSize });
  return NextResponse.json({ data: result.rows.map(serializeAdjustment), page: query.page, pageSize: query.pageSize, total: result.total });
});

// POST /api/v1/payroll/adjustments {"employeeId","periodStart","kind","code","name","amount","reason","isTaxable"?} -
// a one-off for the employee's pay period containing `periodStart`, `amount` in major units of
// their currency; 201 with it, 409 when that period's run is approved, 403 for one's own pay
export const POST = apiRoute("payroll:manage", async ({ request, user }) => {
  const { amount, ...input } = ZAdjustmentInput.parse(asJsonObject(await readJson(request)));
  const currency = await currencyOf(input.employeeId, input.periodStart);
  const { id, periodStart } = await addPayAdjustment(user, { ...input, amount: toMinorUnits(amount, currency.minorDigits) });
  const created = await listPayAdjustments(user, { periodStart: toIsoDate(periodStart), employeeId: input.employeeId, page: 1, pageSize: 100 });
  return NextResponse.json({ data: serializeAdjustment(created.rows.find((row) => row.id === id)!) }, { status: 201 });
});
