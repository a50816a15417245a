import { monthlySummary } from "@/lib/attendance/monthly-summary";
import { summaryCsv } from "@/lib/attendance/summary-csv";
import { authenticateRequest } from "@/lib/auth/current-user";
import { apiError, handleApiError } from "@/lib/api/api-error";
import { ZSummaryQuery } from "@/lib/validations/attendance";

export const dynamic = "force-dynamic";

// GET /api/attendance/summary?month=YYYY-MM&department= - the monthly attendance summary the
// caller may see (HR everyone, a manager their team), as a CSV download
export async function GET(request: Request) {
  try {
    const user = await authenticateRequest(request);
    if (!user) return apiError("unauthorized", "Sign in, or send a personal access token as `Authorization: Bearer <token>`.");
    const query = ZSummaryQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const summary = await monthlySummary(user, query.month, query.department);
    return new Response(summaryCsv(summary), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="attendance-${query.month}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return handleApiError(error, request);
  }
}
