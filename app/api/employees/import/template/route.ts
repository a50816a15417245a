import { apiRoute } from "@/lib/api/api-route";
import { csvResponse } from "@/lib/api/list-response";
import { toEmployeeCsv } from "@/lib/csv/employee-csv";

export const dynamic = "force-dynamic";

// GET /api/employees/import/template - an empty import file: the header row and nothing else, so
// an example row can never be imported by mistake
export const GET = apiRoute("employees:import", async () => csvResponse(toEmployeeCsv([]), "employees-import-template.csv"));
