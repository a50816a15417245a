import { apiRoute } from "@/lib/api/api-route";
import { NextResponse } from "next/server";
import { z } from "zod";
import { asJsonObject, flattenEmployeeBody, serializeEmployee, serializeEmployeeRow } from "@/lib/api/serialize";
import { getEmployeeProfile } from "@/lib/employees/get-employee";
import { listEmployees } from "@/lib/employees/list-employees";
import { createEmployee } from "@/lib/employees/save-employee";
import { readJson } from "@/lib/api/api-error";
import { listResponse, queryOf } from "@/lib/api/list-response";
import { DIRECTORY_SORTS, EMPLOYEE_STATUSES, ZEmployeeInput } from "@/lib/validations/employees";
import { blankToUndefined, ZApiPageFields, ZApiSearch } from "@/lib/validations/fields";

export const dynamic = "force-dynamic";

// Unlike the directory page, which quietly falls back to defaults for a hand-edited URL, the API
// tells a program exactly which parameter it got wrong. `query` and `q` are the same search.
const ZEmployeeListQuery = z.object({
  q: ZApiSearch,
  department: z.preprocess(blankToUndefined, z.string().max(64, "Not a department id.").optional()),
  status: z.preprocess(blankToUndefined, z.enum(EMPLOYEE_STATUSES, { error: `Use one of ${EMPLOYEE_STATUSES.join(", ")}.` }).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(DIRECTORY_SORTS, { error: `Use one of ${DIRECTORY_SORTS.join(", ")}.` }).default("name")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"], { error: "Use asc or desc." }).default("asc")),
  ...ZApiPageFields,
});

// GET /api/v1/employees - list employees the caller may see, filtered and paginated
export const GET = apiRoute("employees:read", async ({ request, user }) => {
  const params = queryOf(request);
  const query = ZEmployeeListQuery.parse({ ...params, q: params.q ?? params.query });
  return listResponse(await listEmployees(user, query), query, serializeEmployeeRow);
});

// POST /api/v1/employees - create an employee; answers 201 with the record as the caller sees it
export const POST = apiRoute("employees:create", async ({ request, user }) => {
  const input = ZEmployeeInput.parse(flattenEmployeeBody(asJsonObject(await readJson(request))));
  const { id } = await createEmployee(user, input);
  return NextResponse.json({ data: serializeEmployee(await getEmployeeProfile(user, id)) }, { status: 201 });
});
