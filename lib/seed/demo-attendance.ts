import "server-only";
import { db } from "@/lib/db";
import { addDays, isoWeekday, toIsoDate } from "@/lib/leave/dates";

// Four weeks of check-ins and check-outs for the demo organisation, so the attendance pages show
// what a month looks like: mostly on time, some late arrivals and early departures, the odd
// missed day. Deterministic, like the rest of the demo data.
export async function seedDemoAttendance(today = new Date()): Promise<number> {
  let state = 7;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const employees = await db.employee.findMany({ where: { status: "ACTIVE" }, select: { id: true, hireDate: true }, orderBy: { employeeNumber: "asc" } });
  const end = toIsoDate(today);
  const records = [];
  for (let date = addDays(end, -28); date < end; date = addDays(date, 1)) {
    if (isoWeekday(date) > 5) continue;
    for (const employee of employees) {
      if (toIsoDate(employee.hireDate) > date || next() < 0.04) continue;
      const inMinutes = 8 * 60 + 40 + Math.floor(next() * (next() < 0.1 ? 60 : 30));
      const outMinutes = 17 * 60 + 25 + Math.floor(next() * 60) - (next() < 0.08 ? 75 : 0);
      const at = (minutes: number) => new Date(`${date}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00.000Z`);
      records.push({ employeeId: employee.id, date: new Date(`${date}T00:00:00.000Z`), checkInAt: at(inMinutes), checkOutAt: at(outMinutes) });
    }
  }
  for (let i = 0; i < records.length; i += 500) await db.attendanceRecord.createMany({ data: records.slice(i, i + 500) });
  return records.length;
}
