import "server-only";
import { asUser } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { fromIsoDate, type IsoDate, toIsoDate } from "@/lib/leave/dates";
import { prismaCode } from "@/lib/prisma-errors";
import { payPeriodContaining, type PayFrequency } from "./engine";
import { type PayrollUser, requirePayroll } from "./run-access";

// A draft run for the period of `scheduleId` that contains `date`, paid on `payDate` (the period's
// last day unless given). One run per schedule and period.
export async function createPayRun(user: PayrollUser, input: { scheduleId: string; date: IsoDate; payDate?: IsoDate }): Promise<{ id: string }> {
  requirePayroll(user);
  const schedule = await db.paySchedule.findUnique({ where: { id: input.scheduleId }, select: { id: true, frequency: true, anchorDate: true } });
  if (!schedule) throw notFound("That pay schedule");
  const period = payPeriodContaining(
    { frequency: schedule.frequency as PayFrequency, anchorDate: schedule.anchorDate ? toIsoDate(schedule.anchorDate) : undefined },
    input.date,
  );
  const payDate = input.payDate ?? period.end;
  if (payDate < period.start)
    throw new AppError("validation_failed", "The pay date is before the period starts.", { payDate: "The pay date is before the period starts." });
  try {
    return await asUser(user, () =>
      db.payRun.create({
        data: {
          scheduleId: schedule.id,
          frequency: schedule.frequency,
          periodStart: fromIsoDate(period.start),
          periodEnd: fromIsoDate(period.end),
          payDate: fromIsoDate(payDate),
          createdById: user.id,
        },
        select: { id: true },
      }),
    );
  } catch (error) {
    if (prismaCode(error) === "P2002") throw new AppError("conflict", `There is already a run for ${period.start} to ${period.end} on this schedule.`);
    throw error;
  }
}
