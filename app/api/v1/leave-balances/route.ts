import { NextResponse } from "next/server";
import { z } from "zod";
import { authenticateRequest } from "@/lib/auth/current-user";
import { canSeeEmployee } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { handleApiError } from "@/lib/api/api-error";
import { getBalances } from "@/lib/leave/ledger";
import { balanceAsOf, isUnlimited, todayIso } from "@/lib/leave/requests/request-rules";
import { blankToUndefined } from "@/lib/validations/fields";

export const dynamic = "force-dynamic";

const ZBalanceQuery = z.object({
  employeeId: z.preprocess(blankToUndefined, z.string().max(64, "Not an employee id.").optional()),
  year: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Use a year such as 2025." })
      .int("Use a year such as 2025.")
      .min(2000, "Use a year from 2000 to 2100.")
      .max(2100, "Use a year from 2000 to 2100.")
      .optional(),
  ),
  page: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "Use a whole number from 1." }).int("Use a whole number from 1.").min(1, "Use a whole number from 1.").max(100_000).default(1),
  ),
  pageSize: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Use a whole number from 1 to 100." })
      .int("Use a whole number from 1 to 100.")
      .min(1, "Use a whole number from 1 to 100.")
      .max(100, "Use a whole number from 1 to 100.")
      .default(25),
  ),
});

// GET /api/v1/leave-balances?employeeId=&year=&page=&pageSize= - one employee's balance per leave
// type for a year (the caller's own this year by default), straight from the ledger; amounts in days
export async function GET(request: Request) {
  try {
    const user = await authenticateRequest(request);
    if (!user) throw new AppError("unauthorized", "Sign in, or send a personal access token as `Authorization: Bearer <token>`.");
    const query = ZBalanceQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const employeeId = query.employeeId ?? user.employeeId;
    if (!employeeId)
      throw new AppError("validation_failed", "Name the employee: your sign-in is not linked to one.", {
        employeeId: "Required for a sign-in without an employee record.",
      });
    if (employeeId !== user.employeeId && !(await canSeeEmployee(user, employeeId))) throw notFound("That employee");
    if ((await db.employee.count({ where: { id: employeeId } })) === 0) throw notFound("That employee");
    const today = todayIso();
    const year = query.year ?? Number(today.slice(0, 4));
    const balances = await getBalances(db, employeeId, year, balanceAsOf(year, today));
    const page = balances.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    return NextResponse.json({
      data: page.map((item) => ({
        employeeId,
        year,
        asOf: item.asOf,
        leaveType: {
          id: item.type.id,
          code: item.type.code,
          name: item.type.name,
          color: item.type.color,
          isPaid: item.type.isPaid,
          isUnlimited: isUnlimited(item.type),
        },
        balance: item.balance / 2,
        scheduled: item.scheduled / 2,
        pending: item.pending / 2,
        available: item.available / 2,
      })),
      page: query.page,
      pageSize: query.pageSize,
      total: balances.length,
    });
  } catch (error) {
    return handleApiError(error, request);
  }
}
