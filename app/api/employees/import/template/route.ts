import { authenticateRequest } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { toEmployeeCsv } from "@/lib/csv/employee-csv";
import { apiError, handleApiError } from "@/lib/api/api-error";

export const dynamic = "force-dynamic";

// GET /api/employees/import/template - an empty import file: the header row and nothing else, so
// an example row can never be imported by mistake
export async function GET(request: Request) {
  try {
    const user = await authenticateRequest(request);
    if (!user) return apiError("unauthorized", "Sign in to download the import template.");
    if (!can(user, "employees:import")) return apiError("forbidden", "You do not have permission to import employees.");
    return new Response(toEmployeeCsv([]), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="employees-import-template.csv"',
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return handleApiError(error, request);
  }
}
