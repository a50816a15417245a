import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { queryOf } from "@/lib/api/list-response";
import { canSeeEmployee } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { getBalances } from "@/lib/leave/ledger";
import { balanceAsOf, isUnlimited, todayIso } from "@/lib/leave/requests/request-rules";
import { ZApiEmployeeId, ZApiPageFields, ZApiYear } from "@/lib/validations/fields";

export const dynamic = "force-dynamic";

const ZBalanceQuery = z.object({ employeeId: ZApiEmployeeId, year: ZApiYear, ...ZApiPageFields });

// GET /api/v1/leave-balances?employeeId=&year=&page=&pageSize= - one employee's balance per leave
// type for a year (the caller's own this year by default), straight from the ledger; amounts in days
export const GET = apiRoute(null, async ({ request, user }) => {
  const query = ZBalanceQuery.parse(queryOf(request));
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
});
