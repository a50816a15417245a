import { apiRoute } from "@/lib/api/api-route";
import { NextResponse } from "next/server";
import { z } from "zod";
import { asJsonObject, toApiJson } from "@/lib/api/serialize";
import { getDepartment } from "@/lib/departments/get-department";
import { listDepartments } from "@/lib/departments/list-departments";
import { createDepartment } from "@/lib/departments/save-department";
import { readJson } from "@/lib/api/api-error";
import { ZDepartmentInput } from "@/lib/validations/departments";
import { blankToUndefined } from "@/lib/validations/fields";

export const dynamic = "force-dynamic";

// Unlike the department page, the API says which parameter is wrong instead of falling back.
const ZDepartmentListQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(100, "Use at most 100 characters.").optional()),
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

// GET /api/v1/departments - list departments by name, searchable and paginated, with headcounts
export const GET = apiRoute("departments:read", async ({ request, user }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = ZDepartmentListQuery.parse({ ...params, q: params.q ?? params.query });
  const result = await listDepartments(user, query);
  // The service shows the last page for a page past the end; a program paging until it gets
  // nothing must get nothing there instead.
  const isPastEnd = result.page < query.page;
  return NextResponse.json({ data: isPastEnd ? [] : result.rows.map(toApiJson), page: query.page, pageSize: result.pageSize, total: result.total });
});

// POST /api/v1/departments - create a department; answers 201 with it
export const POST = apiRoute("departments:write", async ({ request, user }) => {
  const input = ZDepartmentInput.parse(asJsonObject(await readJson(request)));
  const { id } = await createDepartment(user, input);
  return NextResponse.json({ data: toApiJson(await getDepartment(user, id)) }, { status: 201 });
});
