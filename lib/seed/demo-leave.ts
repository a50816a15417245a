import "server-only";
import { db } from "@/lib/db";
import { englandBankHolidays } from "@/lib/holidays/england-bank-holidays";
import { fromIsoDate } from "@/lib/leave/dates";
import { DEMO_LEAVE_TYPES } from "./demo-leave-types";

// Demo leave set-up: the demo leave types and this year's bank holidays for England. Safe to run
// twice: what exists is left alone.
export async function seedDemoLeave(today: Date = new Date()): Promise<{ leaveTypes: number; holidays: number }> {
  let leaveTypes = 0;
  for (const type of DEMO_LEAVE_TYPES) {
    if (await db.leaveType.findUnique({ where: { code: type.code }, select: { id: true } })) continue;
    await db.leaveType.create({ data: { ...type }, select: { id: true } });
    leaveTypes += 1;
  }
  let holidays = 0;
  for (const holiday of englandBankHolidays(today.getUTCFullYear())) {
    const date = fromIsoDate(holiday.date);
    if (await db.holiday.findUnique({ where: { date }, select: { id: true } })) continue;
    await db.holiday.create({ data: { date, name: holiday.name }, select: { id: true } });
    holidays += 1;
  }
  return { leaveTypes, holidays };
}
