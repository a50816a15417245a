import { apiRoute } from "@/lib/api/api-route";
import { notFound } from "@/lib/errors";
import { makeRunFile, RUN_FILES, type RunFile } from "@/lib/payroll/outputs/run-files";

export const dynamic = "force-dynamic";

// GET /api/payroll/runs/:id/files/register.csv|register.xlsx|journal.csv|bank.csv|bank-sepa.xml -
// the files made from a run, for payroll users (bank files once the run is approved)
export const GET = apiRoute<{ id: string; file: string }>("payroll:manage", async ({ user, params: { id, file } }) => {
  if (!(RUN_FILES as readonly string[]).includes(file)) throw notFound("That file");
  const made = await makeRunFile(user, id, file as RunFile);
  return new Response(typeof made.body === "string" ? made.body : new Uint8Array(made.body), {
    headers: { "content-type": made.contentType, "content-disposition": `attachment; filename="${made.filename}"`, "cache-control": "private, no-store" },
  });
});
