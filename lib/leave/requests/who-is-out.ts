import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { visibleEmployeeIds } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { fromIsoDate, type IsoDate } from "@/lib/leave/dates";
import { BOOKED_STATUSES, type LeaveRequestStatus } from "./status";

export type Absence = {
  requestId: string;
  employeeId: string;
  name: string;
  jobTitle: string;
  typeName: string;
  color: string;
  status: LeaveRequestStatus;
  startDate: Date;
  endDate: Date;
  startsAfternoon: boolean;
  endsAtNoon: boolean;
};

// Approved leave (a cancellation not yet agreed still counts) overlapping [from, to], for the
// people the viewer may see: HR everyone, a manager their reporting line, others themselves.
export async function whoIsOut(user: CurrentUser, from: IsoDate, to: IsoDate): Promise<Absence[]> {
  const visible = await visibleEmployeeIds(user);
  if (visible !== null && visible.length === 0) return [];
  const requests = await db.leaveRequest.findMany({
    where: {
      status: { in: BOOKED_STATUSES },
      startDate: { lte: fromIsoDate(to) },
      endDate: { gte: fromIsoDate(from) },
      ...(visible === null ? {} : { employeeId: { in: visible } }),
    },
    select: {
      id: true,
      status: true,
      startDate: true,
      endDate: true,
      startsAfternoon: true,
      endsAtNoon: true,
      employee: { select: { id: true, firstName: true, lastName: true, jobTitle: true } },
      leaveType: { select: { name: true, color: true } },
    },
    orderBy: [{ startDate: "asc" }, { endDate: "asc" }],
    take: 500,
  });
  return requests.map((request) => ({
    requestId: request.id,
    employeeId: request.employee.id,
    name: `${request.employee.firstName} ${request.employee.lastName}`,
    jobTitle: request.employee.jobTitle,
    typeName: request.leaveType.name,
    color: request.leaveType.color,
    status: request.status as LeaveRequestStatus,
    startDate: request.startDate,
    endDate: request.endDate,
    startsAfternoon: request.startsAfternoon,
    endsAtNoon: request.endsAtNoon,
  }));
}
