import { apiRoute } from "@/lib/api/api-route";
import { csvResponse, queryOf } from "@/lib/api/list-response";
import { exportEmployeesCsv } from "@/lib/csv/export-employees";
import { parseDirectoryQuery } from "@/lib/validations/employees";

export const dynamic = "force-dynamic";

// GET /api/employees/export?q=&department=&status=&sort=&dir= - every employee of that directory
// view the caller may see, as a CSV download in the import's format (no pagination)
export const GET = apiRoute("employees:export", async ({ request, user }) => {
  const csv = await exportEmployeesCsv(user, parseDirectoryQuery(queryOf(request)));
  return csvResponse(csv, `employees-${new Date().toISOString().slice(0, 10)}.csv`);
});
