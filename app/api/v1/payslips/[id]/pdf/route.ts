import { apiRoute } from "@/lib/api/api-route";
import { makePayslipPdf } from "@/lib/payroll/outputs/run-files";

export const dynamic = "force-dynamic";

// GET /api/v1/payslips/:id/pdf - the payslip as a PDF, for whoever may see it (as GET /api/v1/payslips/:id)
export const GET = apiRoute<{ id: string }>("payroll:view-own", async ({ user, params: { id } }) => {
  const pdf = await makePayslipPdf(user, id);
  return new Response(new Uint8Array(pdf.body), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${pdf.filename}"`, "cache-control": "private, no-store" },
  });
});
