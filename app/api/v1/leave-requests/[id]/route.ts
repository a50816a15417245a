import { apiRoute } from "@/lib/api/api-route";
import { NextResponse } from "next/server";
import { z } from "zod";
import { asJsonObject } from "@/lib/api/serialize";
import { notFound } from "@/lib/errors";
import { readJson } from "@/lib/api/api-error";
import { cancelLeaveRequest } from "@/lib/leave/requests/cancel-leave-request";
import { decideLeaveRequest } from "@/lib/leave/requests/decide-leave-request";
import { getLeaveRequest } from "@/lib/leave/requests/get-leave-request";
import { ZCancel, ZDecision } from "@/lib/validations/leave-requests";
import { serializeLeaveRequestDetail } from "../serialize";

export const dynamic = "force-dynamic";

// A number or a string of digits within the database's integer range (`true` is not version 1).
const ZAction = z.object({
  action: z.enum(["approve", "reject", "cancel"], { error: 'Use "approve", "reject" or "cancel".' }),
  version: z
    .union([z.number(), z.string().regex(/^\d{1,10}$/)], { error: "Send the version you last read; it is required." })
    .transform(Number)
    .pipe(z.number().int().min(1).max(2_147_483_647)),
});

// GET /api/v1/leave-requests/:id - one request with its history, for the employee, their
// manager(s) and HR; 404 for anyone else
export const GET = apiRoute<{ id: string }>(null, async ({ user, params: { id } }) => {
  const detail = await getLeaveRequest(user, id);
  if (!detail) throw notFound("That leave request");
  return NextResponse.json({ data: serializeLeaveRequestDetail(detail) });
});

// POST /api/v1/leave-requests/:id {"action":"approve"|"reject"|"cancel","version":n,"comment"?,"reason"?}
// - decide (the manager or HR; a rejection needs a comment) or cancel (the employee or HR) at the
// version last read; a stale version answers 409. Answers with the request as it now stands.
export const POST = apiRoute<{ id: string }>(null, async ({ request, user, params: { id } }) => {
  const body = asJsonObject(await readJson(request));
  const { action, version } = ZAction.parse(body);
  if (action === "cancel") {
    const { reason } = ZCancel.parse(body);
    await cancelLeaveRequest(user, id, version, reason);
  } else {
    await decideLeaveRequest(user, id, version, ZDecision.parse({ decision: action, comment: body.comment }));
  }
  const detail = await getLeaveRequest(user, id);
  if (!detail) throw notFound("That leave request");
  return NextResponse.json({ data: serializeLeaveRequestDetail(detail) });
});
