import { apiRoute } from "@/lib/api/api-route";
import { NextResponse } from "next/server";
import { checkIn, checkOut } from "@/lib/attendance/check-in";
import { listAttendanceRecords, toApiRecord } from "@/lib/attendance/list-records";
import { readJson } from "@/lib/api/api-error";
import { listResponse, queryOf } from "@/lib/api/list-response";
import { ZAttendanceAction, ZAttendanceListQuery } from "@/lib/validations/attendance";

export const dynamic = "force-dynamic";

// GET /api/v1/attendance?employeeId=&from=&to=&page=&pageSize= - attendance records of the caller
// (or of someone they may see), newest first; the current month unless dates are given
export const GET = apiRoute(null, async ({ request, user }) => {
  const query = ZAttendanceListQuery.parse(queryOf(request));
  return listResponse(await listAttendanceRecords(user, query), query, toApiRecord);
});

// POST /api/v1/attendance {"action":"check-in"|"check-out"} - start (201) or close (200) the
// caller's session; a second check-in while one is open answers 409
export const POST = apiRoute(null, async ({ request, user }) => {
  const { action } = ZAttendanceAction.parse(await readJson(request));
  if (action === "check-in") return NextResponse.json({ data: toApiRecord(await checkIn(user)) }, { status: 201 });
  return NextResponse.json({ data: toApiRecord(await checkOut(user)) });
});
