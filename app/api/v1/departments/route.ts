import { apiRoute } from "@/lib/api/api-route";
import { NextResponse } from "next/server";
import { z } from "zod";
import { asJsonObject, toApiJson } from "@/lib/api/serialize";
import { getDepartment } from "@/lib/departments/get-department";
import { listDepartments } from "@/lib/departments/list-departments";
import { createDepartment } from "@/lib/departments/save-department";
import { readJson } from "@/lib/api/api-error";
import { listResponse, queryOf } from "@/lib/api/list-response";
import { ZDepartmentInput } from "@/lib/validations/departments";
import { ZApiPageFields, ZApiSearch } from "@/lib/validations/fields";

export const dynamic = "force-dynamic";

// Unlike the department page, the API says which parameter is wrong instead of falling back.
const ZDepartmentListQuery = z.object({
  q: ZApiSearch,
  ...ZApiPageFields,
});

// GET /api/v1/departments - list departments by name, searchable and paginated, with headcounts
export const GET = apiRoute("departments:read", async ({ request, user }) => {
  const params = queryOf(request);
  const query = ZDepartmentListQuery.parse({ ...params, q: params.q ?? params.query });
  return listResponse(await listDepartments(user, query), query, toApiJson);
});

// POST /api/v1/departments - create a department; answers 201 with it
export const POST = apiRoute("departments:write", async ({ request, user }) => {
  const input = ZDepartmentInput.parse(asJsonObject(await readJson(request)));
  const { id } = await createDepartment(user, input);
  return NextResponse.json({ data: toApiJson(await getDepartment(user, id)) }, { status: 201 });
});
