import { monthlySummary } from "@/lib/attendance/monthly-summary";
import { summaryCsv } from "@/lib/attendance/summary-csv";
import { apiRoute } from "@/lib/api/api-route";
import { csvResponse, queryOf } from "@/lib/api/list-response";
import { ZSummaryQuery } from "@/lib/validations/attendance";

export const dynamic = "force-dynamic";

// GET /api/attendance/summary?month=YYYY-MM&department= - the monthly attendance summary the
// caller may see (HR everyone, a manager their team), as a CSV download
export const GET = apiRoute(null, async ({ request, user }) => {
  const query = ZSummaryQuery.parse(queryOf(request));
  const summary = await monthlySummary(user, query.month, query.department);
  return csvResponse(summaryCsv(summary), `attendance-${query.month}.csv`);
});
