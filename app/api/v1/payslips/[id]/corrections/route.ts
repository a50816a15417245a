import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/api-error";
import { apiRoute } from "@/lib/api/api-route";
import { asJsonObject } from "@/lib/api/serialize";
import { toIsoDate } from "@/lib/leave/dates";
import { correctPayslip, listPayAdjustments } from "@/lib/payroll/adjustments";
import { ZCorrectionInput } from "@/lib/validations/payroll";
import { serializeAdjustment } from "../../../payroll/serialize";

export const dynamic = "force-dynamic";

// POST /api/v1/payslips/:id/corrections {"correctedGross","reason","periodStart"?} - corrects a
// payslip of an approved run with an arrears or reversal line in the next open period (or the one
// given); 201 with the line, 409 while the run is not approved, 403 for one's own pay
export const POST = apiRoute<{ id: string }>("payroll:manage", async ({ request, user, params: { id } }) => {
  const input = ZCorrectionInput.parse(asJsonObject(await readJson(request)));
  const created = await correctPayslip(user, {
    payslipId: id,
    correctedGrossMajor: input.correctedGross,
    reason: input.reason,
    periodStart: input.periodStart,
  });
  const rows = await listPayAdjustments(user, { periodStart: toIsoDate(created.periodStart), correctsPayslipId: id, page: 1, pageSize: 100 });
  return NextResponse.json({ data: serializeAdjustment(rows.rows.find((row) => row.id === created.id)!) }, { status: 201 });
});
