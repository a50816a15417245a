import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { getPayslip } from "@/lib/payroll/get-payslip";
import { serializePayslip } from "../../payroll/serialize";

export const dynamic = "force-dynamic";

// GET /api/v1/payslips/:id - one payslip with every line and its reason and the year to date; the
// employee's own (once approved) or, for payroll users, anyone's; 404 for anyone else
export const GET = apiRoute<{ id: string }>("payroll:view-own", async ({ user, params: { id } }) =>
  NextResponse.json({ data: serializePayslip(await getPayslip(user, id)) }),
);
