import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { queryOf } from "@/lib/api/list-response";
import { db } from "@/lib/db";
import { ZHolidayListQuery } from "@/lib/validations/attendance";

export const dynamic = "force-dynamic";

// GET /api/v1/holidays?year=&page=&pageSize= - public holidays by date, for anyone signed in.
// Read straight from the table: holiday administration (lib/holidays) owns the writes, and this
// read needs nothing from it.
export const GET = apiRoute(null, async ({ request }) => {
  const query = ZHolidayListQuery.parse(queryOf(request));
  const where = query.year ? { date: { gte: new Date(Date.UTC(query.year, 0, 1)), lt: new Date(Date.UTC(query.year + 1, 0, 1)) } } : {};
  const [total, rows] = await Promise.all([
    db.holiday.count({ where }),
    db.holiday.findMany({
      where,
      orderBy: { date: "asc" },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { id: true, date: true, name: true, isHalfDay: true },
    }),
  ]);
  return NextResponse.json({
    data: rows.map((holiday) => ({ id: holiday.id, date: holiday.date.toISOString().slice(0, 10), name: holiday.name, isHalfDay: holiday.isHalfDay })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  });
});
