import { authenticateRequest } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { exportEmployeesCsv } from "@/lib/csv/export-employees";
import { apiError, handleApiError } from "@/lib/api/api-error";
import { parseDirectoryQuery } from "@/lib/validations/employees";

export const dynamic = "force-dynamic";

// GET /api/employees/export?q=&department=&status=&sort=&dir= - every employee of that directory
// view the caller may see, as a CSV download in the import's format (no pagination)
export async function GET(request: Request) {
  try {
    const user = await authenticateRequest(request);
    if (!user) return apiError("unauthorized", "Sign in, or send a personal access token as `Authorization: Bearer <token>`.");
    if (!can(user, "employees:export")) return apiError("forbidden", "You do not have permission to export employees.");
    const query = parseDirectoryQuery(Object.fromEntries(new URL(request.url).searchParams));
    const csv = await exportEmployeesCsv(user, query);
    const today = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="employees-${today}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return handleApiError(error, request);
  }
}
