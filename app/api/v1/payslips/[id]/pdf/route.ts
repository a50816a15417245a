import { requireCaller } from "@/lib/api/require-caller";
import { handleApiError } from "@/lib/api/api-error";
import { makePayslipPdf } from "@/lib/payroll/outputs/run-files";

export const dynamic = "force-dynamic";

// GET /api/v1/payslips/:id/pdf - the payslip as a PDF, for whoever may see it (as GET /api/v1/payslips/:id)
export async function GET(request: Request, context: RouteContext<"/api/v1/payslips/[id]/pdf">) {
  try {
    const user = await requireCaller(request, "payroll:view-own");
    const { id } = await context.params;
    const pdf = await makePayslipPdf(user, id);
    return new Response(new Uint8Array(pdf.body), {
      headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${pdf.filename}"`, "cache-control": "private, no-store" },
    });
  } catch (error) {
    return handleApiError(error, request);
  }
}
