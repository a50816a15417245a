import "server-only";
import { asUser } from "@/lib/auth/actor";
import { revokeUserTokens } from "@/lib/auth/api-tokens";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { canSeeEmployee } from "@/lib/auth/scope";
import { endUserSessions } from "@/lib/auth/sessions";
import { db, withTransaction } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { leaveAdminUserIds } from "@/lib/leave/requests/approvers";
import { log } from "@/lib/log";
import { notify } from "@/lib/notifications/notify";
import { prismaCode } from "@/lib/prisma-errors";
import { assertNoManagerCycle, STALE_EDIT } from "./employee-rules";

// Leaving is an event, not a field. From the exit date (at once when it is today or past) the
// person's sign-in stops working (lib/auth/leaver.ts), their sessions end and tokens are revoked;
// their direct reports, the departments they head, and the pending leave requests and attendance
// corrections they were to decide, move to their own manager or to the one HR picks; HR is told
// what moved. With nobody to take over, a department they headed is left without a head (a
// leaver shown as head would be read as the person to go to) and HR is asked to choose one. An exit date
// ahead is carried out by carryOutDueLeavings(), run at start and hourly. Rehiring (status back to
// active) is explicit and brings back the sign-in, never the old sessions or tokens.
export type StatusChange = { status: "ACTIVE" | "ON_LEAVE" | "TERMINATED"; effectiveDate: Date | null; reason: string | null; newManagerId?: string | null };

export type Moved = {
  successorId: string | null;
  reports: number;
  departments: number;
  leaveRequests: number;
  corrections: number;
  sessions: number;
  tokens: number;
};

const PENDING_LEAVE = ["PENDING_MANAGER", "CANCELLATION_PENDING"] as const;
type Client = typeof db;

function startOfTomorrowUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

const invalid = (field: string, message: string) => new AppError("validation_failed", "Please correct the highlighted field.", { [field]: message });

// Who takes over: HR's pick, else the leaver's own manager. Checked before anything is written.
async function chooseSuccessor(leaver: { id: string; managerId: string | null }, picked: string | null | undefined): Promise<string | null> {
  const successorId = picked ?? leaver.managerId;
  if (!successorId) return null;
  if (successorId === leaver.id) throw invalid("newManagerId", "Choose someone other than the person leaving.");
  const successor = await db.employee.findUnique({ where: { id: successorId }, select: { status: true, exitDate: true } });
  if (!successor) throw invalid("newManagerId", "That manager does not exist.");
  if (successor.status === "TERMINATED") throw invalid("newManagerId", "That person has left; choose someone else.");
  // Moving the reports under the successor must not make a reporting loop (a successor from
  // further down the leaver's own line would).
  const directReports = await db.employee.findMany({ where: { managerId: leaver.id, id: { not: successorId } }, select: { id: true } });
  for (const report of directReports)
    await assertNoManagerCycle(report.id, successorId).catch(() => {
      throw invalid("newManagerId", "That person reports to someone in the leaver's team; choose someone outside it.");
    });
  return successorId;
}

async function carryOut(client: Client, leaver: { id: string; managerId: string | null }, successorId: string | null): Promise<Moved> {
  const moved: Moved = { successorId, reports: 0, departments: 0, leaveRequests: 0, corrections: 0, sessions: 0, tokens: 0 };
  // The version goes up so that an edit form opened on the department before is refused as stale
  // rather than putting the leaver back as its head.
  moved.departments = (await client.department.updateMany({ where: { headId: leaver.id }, data: { headId: successorId, version: { increment: 1 } } })).count;
  if (successorId) {
    // A successor who was one of the leaver's reports now reports to the leaver's manager.
    const promoted = (await client.employee.updateMany({ where: { id: successorId, managerId: leaver.id }, data: { managerId: leaver.managerId } })).count;
    moved.reports = promoted + (await client.employee.updateMany({ where: { managerId: leaver.id }, data: { managerId: successorId } })).count;
    moved.leaveRequests = (
      await client.leaveRequest.updateMany({ where: { managerId: leaver.id, status: { in: [...PENDING_LEAVE] } }, data: { managerId: successorId } })
    ).count;
    moved.corrections = (
      await client.attendanceCorrection.updateMany({ where: { approverId: leaver.id, status: "PENDING" }, data: { approverId: successorId } })
    ).count;
  }
  const user = await client.user.findUnique({ where: { employeeId: leaver.id }, select: { id: true } });
  if (user) {
    moved.sessions = await endUserSessions(user.id, "terminated", undefined, client);
    moved.tokens = await revokeUserTokens(user.id, "terminated", client);
  }
  await client.employee.update({ where: { id: leaver.id }, data: { status: "TERMINATED", offboardedAt: new Date() } });
  return moved;
}

async function tellHr(
  leaver: { id: string; firstName: string; lastName: string; exitDate: Date | null; exitReason: string | null },
  moved: Moved,
): Promise<void> {
  const successor = moved.successorId ? await db.employee.findUnique({ where: { id: moved.successorId }, select: { firstName: true, lastName: true } }) : null;
  const name = `${leaver.firstName} ${leaver.lastName}`;
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
  const held = `${plural(moved.reports, "direct report")}, ${plural(moved.departments, "department")} they headed, ${plural(moved.leaveRequests, "pending leave request")} and ${plural(moved.corrections, "attendance correction")}`;
  const where = successor
    ? `moved to ${successor.firstName} ${successor.lastName}`
    : "stay unassigned: they had no manager to move to, so choose one (departments they headed have no head until you do)";
  await notify({
    userIds: await leaveAdminUserIds(leaver.id),
    kind: "employee.left",
    title: `${name} has left`,
    body: `${name} left on ${isoDate(leaver.exitDate)}${leaver.exitReason ? ` (${leaver.exitReason})` : ""}. ${held} ${where}. ${plural(moved.sessions, "session")} ended and ${plural(moved.tokens, "token")} revoked.`,
    link: `/employees/${leaver.id}`,
  });
}

function isoDate(date: Date | null): string {
  return (date ?? new Date()).toISOString().slice(0, 10);
}

const LEAVER_SELECT = { id: true, firstName: true, lastName: true, managerId: true, exitDate: true, exitReason: true, status: true } as const;

export async function changeEmployeeStatus(user: CurrentUser, id: string, version: number, input: StatusChange) {
  if (!can(user, "employees:change-status")) throw forbidden();
  if (!(await canSeeEmployee(user, id))) throw notFound("That employee");
  // HR's own status change goes to another HR user or an admin.
  if (user.employeeId === id) throw forbidden();
  const current = await db.employee.findUnique({ where: { id }, select: LEAVER_SELECT });
  if (!current) throw notFound("That employee");
  if (current.status === "TERMINATED" && input.status === "TERMINATED") throw new AppError("conflict", "This person has already left.");

  const now = new Date();
  if (input.status !== "TERMINATED") {
    const data = { status: input.status, exitDate: null, exitReason: null, offboardedAt: null };
    const saved = await update(user, id, version, data);
    if (current.status === "TERMINATED") log.info("employee rehired", { event: "employee-rehired", employeeId: id });
    return { ...saved, exitDate: null, moved: null };
  }
  if (!input.effectiveDate) throw invalid("effectiveDate", "Enter the exit date.");
  if (!input.reason) throw invalid("reason", "Enter the reason for leaving.");
  const isDue = input.effectiveDate < startOfTomorrowUtc(now);
  if (!isDue) {
    const saved = await update(user, id, version, { exitDate: input.effectiveDate, exitReason: input.reason });
    return { ...saved, exitDate: input.effectiveDate, moved: null };
  }
  const successorId = await chooseSuccessor(current, input.newManagerId);
  const { saved, moved } = await asUser(user, () =>
    withTransaction(async (tx) => {
      const saved = await tx.employee
        .update({ where: { id, version }, data: { exitDate: input.effectiveDate, exitReason: input.reason }, select: { id: true } })
        .catch(staleOr(id));
      const moved = await carryOut(tx, current, successorId);
      const after = await tx.employee.findUniqueOrThrow({ where: { id: saved.id }, select: { id: true, version: true, status: true } });
      return { saved: after, moved };
    }),
  );
  await tellHr({ ...current, exitDate: input.effectiveDate, exitReason: input.reason }, moved);
  return { ...saved, exitDate: input.effectiveDate, moved };
}

async function update(user: CurrentUser, id: string, version: number, data: Record<string, unknown>) {
  return asUser(user, () => db.employee.update({ where: { id, version }, data, select: { id: true, version: true, status: true } }).catch(staleOr(id)));
}

function staleOr(id: string) {
  return async (error: unknown): Promise<never> => {
    if (prismaCode(error) !== "P2025") throw error;
    const exists = await db.employee.findUnique({ where: { id }, select: { id: true } });
    throw exists ? new AppError("conflict", STALE_EDIT) : new AppError("not_found", "That employee was not found.");
  };
}

// Carries out every scheduled leaving whose exit date has come (records terminated before leaving
// was an event are left alone: their sign-in is refused all the same). Returns how many.
export async function carryOutDueLeavings(now = new Date()): Promise<number> {
  const due = await db.employee.findMany({
    where: { offboardedAt: null, exitDate: { lte: now }, status: { not: "TERMINATED" } },
    select: LEAVER_SELECT,
    take: 100,
  });
  let done = 0;
  for (const leaver of due) {
    try {
      const successorId = await chooseSuccessor(leaver, null).catch(() => null);
      const moved = await withTransaction((tx) => carryOut(tx, leaver, successorId));
      await tellHr(leaver, moved);
      done += 1;
    } catch (error) {
      log.error("carrying out a leaving failed", {
        event: "offboarding",
        employeeId: leaver.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return done;
}
