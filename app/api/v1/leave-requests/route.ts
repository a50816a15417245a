import { apiRoute } from "@/lib/api/api-route";
import { NextResponse } from "next/server";
import { z } from "zod";
import { asJsonObject } from "@/lib/api/serialize";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/api/api-error";
import { listResponse, queryOf } from "@/lib/api/list-response";
import { createLeaveRequest } from "@/lib/leave/requests/create-leave-request";
import { getLeaveRequest } from "@/lib/leave/requests/get-leave-request";
import { listLeaveRequests } from "@/lib/leave/requests/list-leave-requests";
import { LEAVE_STATUSES, LIST_VIEWS, ZLeaveRequestInput, ZRequestFor } from "@/lib/validations/leave-requests";
import { serializeLeaveRequest, serializeLeaveRequestDetail } from "./serialize";
import { blankToUndefined, ZApiPageFields } from "@/lib/validations/fields";

export const dynamic = "force-dynamic";

// Strict, unlike the leave pages: a program learns which parameter it got wrong.
const ZLeaveListQuery = z.object({
  view: z.preprocess(blankToUndefined, z.enum(LIST_VIEWS, { error: `Use one of ${LIST_VIEWS.join(", ")}.` }).default("mine")),
  status: z.preprocess(blankToUndefined, z.enum(LEAVE_STATUSES, { error: `Use one of ${LEAVE_STATUSES.join(", ")}.` }).optional()),
  ...ZApiPageFields,
});

// GET /api/v1/leave-requests?view=mine|approvals|all&status=&page=&pageSize= - the caller's own
// requests, those awaiting their decision, or all they may see; paginated
export const GET = apiRoute(null, async ({ request, user }) => {
  const query = ZLeaveListQuery.parse(queryOf(request));
  return listResponse(await listLeaveRequests(user, query), query, serializeLeaveRequest);
});

// POST /api/v1/leave-requests - request leave for oneself (or, HR, for `employeeId`); answers 201
// with the request as GET /api/v1/leave-requests/:id shows it
export const POST = apiRoute(null, async ({ request, user }) => {
  const body = asJsonObject(await readJson(request));
  const input = ZLeaveRequestInput.parse(body);
  const { employeeId } = ZRequestFor.parse(body);
  const { id } = await createLeaveRequest(user, input, { forEmployeeId: employeeId });
  const detail = await getLeaveRequest(user, id);
  if (!detail) throw new AppError("not_found", "The leave request was not found.");
  return NextResponse.json({ data: serializeLeaveRequestDetail(detail) }, { status: 201 });
});
