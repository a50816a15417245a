import { NextResponse } from "next/server";
import { requireCaller } from "@/lib/api/require-caller";
import { handleApiError } from "@/lib/api/api-error";
import { getPayslip } from "@/lib/payroll/get-payslip";
import { serializePayslip } from "../../payroll/serialize";

export const dynamic = "force-dynamic";

// GET /api/v1/payslips/:id - one payslip with every line and its reason and the year to date; the
// employee's own (once approved) or, for payroll users, anyone's; 404 for anyone else
export async function GET(request: Request, context: RouteContext<"/api/v1/payslips/[id]">) {
  try {
    const user = await requireCaller(request, "payroll:view-own");
    const { id } = await context.params;
    return NextResponse.json({ data: serializePayslip(await getPayslip(user, id)) });
  } catch (error) {
    return handleApiError(error, request);
  }
}
