import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { addDays, type IsoDate, isoWeekday, toIsoDate } from "./dates";
import { isLeaveAdmin } from "./requests/approvers";
import { listLeaveRequests, type LeaveRequestRow } from "./requests/list-leave-requests";
import { type BalanceCard, getBalanceCards } from "./requests/my-balances";
import { type Absence, whoIsOut } from "./requests/who-is-out";

export type LeaveCardsData = {
  today: IsoDate;
  week: { from: IsoDate; to: IsoDate };
  outToday: Absence[];
  // Out at some point this week (Monday to Sunday) but not today.
  outLaterThisWeek: Absence[];
  // null when the viewer decides on nobody's leave.
  approvals: { total: number; items: LeaveRequestRow[] } | null;
  // null when the sign-in has no employee record.
  myBalances: BalanceCard[] | null;
};

const APPROVALS_SHOWN = 5;

// The dashboard's leave cards, within the viewer's scope (HR everyone, a manager their reporting
// line, others themselves). `today` is a parameter so tests can fix it.
export async function getLeaveCards(user: CurrentUser, today: Date = new Date()): Promise<LeaveCardsData> {
  const day = toIsoDate(today);
  const monday = addDays(day, 1 - isoWeekday(day));
  const sunday = addDays(monday, 6);
  const [week, approvals, reportCount, balances] = await Promise.all([
    whoIsOut(user, monday, sunday),
    listLeaveRequests(user, { view: "approvals", pageSize: APPROVALS_SHOWN }, { today: day }),
    user.employeeId ? db.employee.count({ where: { managerId: user.employeeId } }) : Promise.resolve(0),
    user.employeeId ? getBalanceCards(user.employeeId, today.getUTCFullYear(), day) : Promise.resolve(null),
  ]);
  const isOutToday = (absence: Absence) => toIsoDate(absence.startDate) <= day && toIsoDate(absence.endDate) >= day;
  const decidesForSomeone = approvals.total > 0 || reportCount > 0 || isLeaveAdmin(user);
  return {
    today: day,
    week: { from: monday, to: sunday },
    outToday: week.filter(isOutToday),
    outLaterThisWeek: week.filter((absence) => !isOutToday(absence) && toIsoDate(absence.endDate) >= day),
    approvals: decidesForSomeone ? { total: approvals.total, items: approvals.rows } : null,
    myBalances: balances,
  };
}
