import { apiRoute } from "@/lib/api/api-route";
import { NextResponse } from "next/server";
import { z } from "zod";
import { asJsonObject, flattenEmployeeBody, serializeEmployee, serializeEmployeeRow } from "@/lib/api/serialize";
import { getEmployeeProfile } from "@/lib/employees/get-employee";
import { listEmployees } from "@/lib/employees/list-employees";
import { createEmployee } from "@/lib/employees/save-employee";
import { readJson } from "@/lib/api/api-error";
import { DIRECTORY_SORTS, EMPLOYEE_STATUSES, ZEmployeeInput } from "@/lib/validations/employees";
import { blankToUndefined } from "@/lib/validations/fields";

export const dynamic = "force-dynamic";

// Unlike the directory page, which quietly falls back to defaults for a hand-edited URL, the API
// tells a program exactly which parameter it got wrong. `query` and `q` are the same search.
const ZEmployeeListQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(100, "Use at most 100 characters.").optional()),
  department: z.preprocess(blankToUndefined, z.string().max(64, "Not a department id.").optional()),
  status: z.preprocess(blankToUndefined, z.enum(EMPLOYEE_STATUSES, { error: `Use one of ${EMPLOYEE_STATUSES.join(", ")}.` }).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(DIRECTORY_SORTS, { error: `Use one of ${DIRECTORY_SORTS.join(", ")}.` }).default("name")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"], { error: "Use asc or desc." }).default("asc")),
  page: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "Use a whole number from 1." }).int("Use a whole number from 1.").min(1, "Use a whole number from 1.").max(100_000).default(1),
  ),
  pageSize: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Use a whole number from 1 to 100." })
      .int("Use a whole number from 1 to 100.")
      .min(1, "Use a whole number from 1 to 100.")
      .max(100, "Use a whole number from 1 to 100.")
      .default(25),
  ),
});

// GET /api/v1/employees - list employees the caller may see, filtered and paginated
export const GET = apiRoute("employees:read", async ({ request, user }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = ZEmployeeListQuery.parse({ ...params, q: params.q ?? params.query });
  const result = await listEmployees(user, query);
  // The service shows the last page for a page past the end; a program paging until it gets
  // nothing must get nothing there instead.
  const isPastEnd = result.page < query.page;
  return NextResponse.json({
    data: isPastEnd ? [] : result.rows.map(serializeEmployeeRow),
    page: query.page,
    pageSize: result.pageSize,
    total: result.total,
  });
});

// POST /api/v1/employees - create an employee; answers 201 with the record as the caller sees it
export const POST = apiRoute("employees:create", async ({ request, user }) => {
  const input = ZEmployeeInput.parse(flattenEmployeeBody(asJsonObject(await readJson(request))));
  const { id } = await createEmployee(user, input);
  return NextResponse.json({ data: serializeEmployee(await getEmployeeProfile(user, id)) }, { status: 201 });
});
