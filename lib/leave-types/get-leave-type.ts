import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { LEAVE_TYPE_SELECT, type LeaveTypeRow } from "./list-leave-types";

export async function getLeaveType(id: string): Promise<LeaveTypeRow> {
  const row = await db.leaveType.findUnique({ where: { id }, select: LEAVE_TYPE_SELECT });
  if (!row) throw notFound("That leave type");
  return row as LeaveTypeRow;
}
