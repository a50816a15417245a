import "server-only";
import { db } from "@/lib/db";
import { englandBankHolidays } from "@/lib/holidays/england-bank-holidays";
import { fromIsoDate } from "@/lib/leave/dates";

// Demo leave set-up: four leave types with typical UK policies and this year's bank holidays for
// England. Amounts are half-days (25 days = 50). Safe to run twice: what exists is left alone.
const LEAVE_TYPES = [
  {
    code: "AL",
    name: "Annual leave",
    isPaid: true,
    yearlyHalfDays: 50,
    accrual: "UPFRONT",
    carryForwardMaxHalfDays: 10,
    carryForwardExpiryMonths: 3,
    maxConsecutiveDays: null,
    allowsHalfDays: true,
    requiresAttachment: false,
    requiresHrApproval: false,
    // Self-employed contractors have no statutory holiday.
    employmentTypes: "FULL_TIME,PART_TIME,INTERN",
    color: "#3b6cf6",
  },
  {
    code: "SL",
    name: "Sick leave",
    isPaid: true,
    yearlyHalfDays: 20,
    accrual: "UPFRONT",
    carryForwardMaxHalfDays: 0,
    carryForwardExpiryMonths: null,
    maxConsecutiveDays: null,
    allowsHalfDays: true,
    requiresAttachment: false,
    requiresHrApproval: false,
    employmentTypes: "FULL_TIME,PART_TIME,INTERN",
    color: "#e11d48",
  },
  {
    // No yearly entitlement: never refused for want of balance, but every day is recorded.
    code: "UL",
    name: "Unpaid leave",
    isPaid: false,
    yearlyHalfDays: 0,
    accrual: "UPFRONT",
    carryForwardMaxHalfDays: 0,
    carryForwardExpiryMonths: null,
    maxConsecutiveDays: 20,
    allowsHalfDays: true,
    requiresAttachment: false,
    requiresHrApproval: false,
    employmentTypes: "",
    color: "#64748b",
  },
  {
    // As the UK's statutory parental leave: unpaid, four weeks a year, whole days, HR signs off.
    code: "PL",
    name: "Parental leave",
    isPaid: false,
    yearlyHalfDays: 40,
    accrual: "UPFRONT",
    carryForwardMaxHalfDays: 0,
    carryForwardExpiryMonths: null,
    maxConsecutiveDays: 20,
    allowsHalfDays: false,
    requiresAttachment: false,
    requiresHrApproval: true,
    employmentTypes: "FULL_TIME,PART_TIME",
    color: "#9333ea",
  },
] as const;

export async function seedDemoLeave(today: Date = new Date()): Promise<{ leaveTypes: number; holidays: number }> {
  let leaveTypes = 0;
  for (const type of LEAVE_TYPES) {
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
