import "server-only";
import { requestCorrection } from "@/lib/attendance/request-correction";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { addDays, isoWeekday, toIsoDate, type IsoDate } from "@/lib/leave/dates";
import { createLeaveRequest } from "@/lib/leave/requests/create-leave-request";
import { decideLeaveRequest } from "@/lib/leave/requests/decide-leave-request";
import { log } from "@/lib/log";

// What makes the demo organisation look lived in on whatever day someone first opens it: leave
// taken earlier this month, people out today and this week, leave planned next month, requests
// waiting for the demo manager, a correction waiting, and the audit trail and notifications all
// of that leaves behind. Everything is relative to `today` and goes through the services, so it
// obeys the same rules (balances, overlaps, approvers) as anything a person does. The four demo
// sign-ins' own records are left alone, so what they see of themselves starts clean.

// Working days from `date`, forwards (or backwards for a negative count).
function workingDay(date: IsoDate, count: number): IsoDate {
  let day = date;
  const step = count < 0 ? -1 : 1;
  for (let left = Math.abs(count); left > 0;) {
    day = addDays(day, step);
    if (isoWeekday(day) <= 5) left -= 1;
  }
  return day;
}

// A request never runs across a year end: it stops on 31 December.
function period(start: IsoDate, workingDays: number): { startDate: IsoDate; endDate: IsoDate } {
  const end = workingDay(start, workingDays - 1);
  const lastOfYear = `${start.slice(0, 4)}-12-31`;
  return { startDate: start, endDate: end > lastOfYear ? lastOfYear : end };
}

async function signIn(email: string): Promise<CurrentUser | null> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, role: true, employeeId: true } });
  return user ? { ...user, name: email } : null;
}

export async function seedDemoActivity(now = new Date()): Promise<{ requests: number; corrections: number }> {
  const today = toIsoDate(now);
  const [hr, manager, employee] = await Promise.all([signIn("hr@example.com"), signIn("manager@example.com"), signIn("employee@example.com")]);
  const annual = await db.leaveType.findUnique({ where: { code: "AL" }, select: { id: true } });
  const sick = await db.leaveType.findUnique({ where: { code: "SL" }, select: { id: true } });
  if (!hr || !annual || !sick) return { requests: 0, corrections: 0 };

  const demoEmployeeIds = new Set([hr.employeeId, manager?.employeeId, employee?.employeeId, (await signIn("admin@example.com"))?.employeeId].filter(Boolean));
  const people = (
    await db.employee.findMany({ where: { status: "ACTIVE" }, select: { id: true, managerId: true, employmentType: true }, orderBy: { employeeNumber: "asc" } })
  ).filter((person) => !demoEmployeeIds.has(person.id) && person.employmentType !== "CONTRACTOR");

  // Start days, each a working day: earlier this month, around today, later this week, next month.
  const monthStart = `${today.slice(0, 7)}-01`;
  const earlier = workingDay(monthStart, 1) < today ? workingDay(monthStart, 1) : workingDay(today, -8);
  const plans = [
    { start: workingDay(today, -1), days: 3, typeId: annual.id, approve: true }, // out today
    { start: earlier, days: 2, typeId: annual.id, approve: true }, // taken this month
    { start: workingDay(today, 2), days: 2, typeId: annual.id, approve: true }, // later this week
    { start: workingDay(today, 22), days: 5, typeId: annual.id, approve: true }, // next month
    { start: workingDay(today, -3), days: 1, typeId: sick.id, approve: true }, // a sick day
    { start: workingDay(today, 12), days: 3, typeId: annual.id, approve: false }, // waiting
  ];

  let requests = 0;
  const submit = async (personId: string, plan: (typeof plans)[number], reason: string) => {
    try {
      const created = await createLeaveRequest(
        hr,
        { leaveTypeId: plan.typeId, ...period(plan.start, plan.days), startsAfternoon: false, endsAtNoon: false, reason, attachmentName: null },
        { forEmployeeId: personId, today },
      );
      requests += 1;
      if (plan.approve) await decideLeaveRequest(hr, created.id, 1, { decision: "approve", comment: null }, { today });
    } catch (error) {
      // A holiday or a short balance can refuse one; the demo does without it.
      log.info("demo request skipped", { event: "seed", reason: error instanceof Error ? error.message : String(error) });
    }
  };
  for (const [index, person] of people.entries()) {
    if (index % 2 === 1) continue;
    await submit(person.id, plans[(index / 2) % plans.length], "Planned time off");
  }
  // Requests waiting for the demo manager, from the people who report to them directly (one of
  // whom is on extended leave, so is not among the people above).
  const reports = manager?.employeeId
    ? await db.employee.findMany({
        where: { managerId: manager.employeeId, status: { not: "TERMINATED" } },
        select: { id: true },
        orderBy: { employeeNumber: "asc" },
      })
    : [];
  for (const person of reports.slice(0, 3)) {
    await submit(person.id, { start: workingDay(today, 6), days: 2, typeId: annual.id, approve: false }, "Family visit");
    await submit(person.id, { start: workingDay(today, 15), days: 1, typeId: annual.id, approve: false }, "Moving house");
  }

  // A late arrival two working days ago and a correction waiting for the day before.
  let corrections = 0;
  if (employee?.employeeId) {
    const late = workingDay(today, -2);
    await db.attendanceRecord.deleteMany({ where: { employeeId: employee.employeeId, date: new Date(`${late}T00:00:00.000Z`) } });
    await db.attendanceRecord.create({
      data: {
        employeeId: employee.employeeId,
        date: new Date(`${late}T00:00:00.000Z`),
        checkInAt: new Date(`${late}T09:47:00.000Z`),
        checkOutAt: new Date(`${late}T17:58:00.000Z`),
      },
    });
    try {
      await requestCorrection(
        employee,
        { date: workingDay(today, -3), checkIn: "08:50", checkOut: "17:40", reason: "Forgot to check out after the offsite" },
        now,
      );
      corrections += 1;
    } catch (error) {
      log.info("demo correction skipped", { event: "seed", reason: error instanceof Error ? error.message : String(error) });
    }
  }

  // A few recent edits, so the dashboard's recent changes and the audit log have history.
  const promoted = people.slice(0, 2);
  for (const person of promoted) {
    await asUser(hr, () => db.employee.update({ where: { id: person.id }, data: { phone: `+44 20 7946 ${String(1000 + requests)}` }, select: { id: true } }));
  }
  return { requests, corrections };
}
