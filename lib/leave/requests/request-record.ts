import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Client } from "@/lib/leave/ledger";
import { prismaCode } from "@/lib/prisma-errors";
import type { RequestSummary } from "./leave-notifications";
import { LEAVE_STATUS_LABELS, type LeaveRequestStatus } from "./status";

// Who a request is for and what it covers, at which version: what every reader of a request selects.
export const REQUEST_CORE_SELECT = {
  id: true,
  version: true,
  status: true,
  employeeId: true,
  managerId: true,
  startDate: true,
  endDate: true,
  startsAfternoon: true,
  endsAtNoon: true,
  halfDays: true,
} as const;

// One request as the decide and cancel services need it, and the ledger lines they write.
export async function loadRequest(id: string) {
  const request = await db.leaveRequest.findUnique({
    where: { id },
    select: {
      ...REQUEST_CORE_SELECT,
      leaveTypeId: true,
      employee: { select: { firstName: true, lastName: true, managerId: true } },
      leaveType: { select: { name: true, requiresHrApproval: true } },
    },
  });
  return request ? { ...request, status: request.status as LeaveRequestStatus } : null;
}

export type LoadedRequest = NonNullable<Awaited<ReturnType<typeof loadRequest>>>;

export function summarise(request: LoadedRequest): RequestSummary {
  return {
    id: request.id,
    employeeId: request.employeeId,
    employeeName: `${request.employee.firstName} ${request.employee.lastName}`,
    typeName: request.leaveType.name,
    startDate: request.startDate,
    endDate: request.endDate,
    startsAfternoon: request.startsAfternoon,
    endsAtNoon: request.endsAtNoon,
    halfDays: request.halfDays,
  };
}

export const STALE = "This request changed since you opened it (someone else acted on it). Reload to see where it stands.";

export function assertVersion(request: LoadedRequest, version: number): void {
  if (request.version !== version) throw new AppError("conflict", STALE);
}

export function notAwaiting(status: LeaveRequestStatus, what: string): AppError {
  return new AppError("conflict", `This request is ${LEAVE_STATUS_LABELS[status].toLowerCase()}, so it can no longer be ${what}.`);
}

// An update guarded by the version the user saw: a stale one becomes a conflict, not a lost update.
type RequestUpdate = Parameters<typeof db.leaveRequest.update>[0]["data"];

export async function updateAtVersion(tx: Client, id: string, version: number, data: RequestUpdate) {
  try {
    return await tx.leaveRequest.update({ where: { id, version }, data, select: { id: true, version: true, status: true } });
  } catch (error) {
    if (prismaCode(error) === "P2025") throw new AppError("conflict", STALE);
    throw error;
  }
}

// The ledger line that books approved leave (negative) or gives it back (positive), dated on the
// leave's first day so the two net to nothing on the same date. The dedupe key keeps each line
// to once per request, however often a transaction is retried or replayed.
export async function writeRequestLine(tx: Client, request: LoadedRequest, kind: "TAKEN" | "CANCELLED", createdByEmail: string, reason: string) {
  await tx.leaveLedgerEntry.create({
    data: {
      employeeId: request.employeeId,
      leaveTypeId: request.leaveTypeId,
      year: request.startDate.getUTCFullYear(),
      kind,
      halfDays: kind === "TAKEN" ? -request.halfDays : request.halfDays,
      effectiveDate: request.startDate,
      reason,
      requestId: request.id,
      dedupeKey: `leave-request:${request.id}:${kind === "TAKEN" ? "taken" : "cancelled"}`,
      createdByEmail,
    },
    select: { id: true },
  });
}
