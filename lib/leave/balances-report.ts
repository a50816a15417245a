import "server-only";
import { z } from "zod";
import type { Principal } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { employeeScopeWhere } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { fromIsoDate, type IsoDate, toIsoDate } from "./dates";
import { appliesTo, getBalance } from "./ledger";
import { LEAVE_ADMIN } from "./permissions";
import { isUnlimited } from "./requests/request-rules";
import { blankToUndefined } from "@/lib/validations/fields";
import { employeeHeading } from "@/lib/employees/format";

export const BALANCES_PAGE_SIZE = 25;

// The report's query string; anything malformed falls back to its default.
export const ZBalancesQuery = z.object({
  year: z.coerce.number().int().min(1970).max(2200).optional().catch(undefined),
  department: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()).catch(undefined),
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type BalancesQuery = z.infer<typeof ZBalancesQuery>;

export function parseBalancesQuery(params: Record<string, string | string[] | undefined>): BalancesQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return ZBalancesQuery.parse(flat);
}

export type BalanceCell = { available: number; balance: number; scheduled: number; pending: number; lapsing: number; expiresOn: IsoDate | null };

export type BalancesReport = {
  year: number;
  asOf: IsoDate;
  types: { id: string; name: string; code: string; color: string; isUnlimited: boolean }[];
  rows: {
    employee: { id: string; firstName: string; lastName: string; jobTitle: string; department: string | null; status: string };
    // By leave type id; null where the type does not apply to the employee.
    cells: Record<string, BalanceCell | null>;
  }[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
};

// A past year is read at its end, a future one at its start, this one today.
export function reportDate(year: number, today: IsoDate): IsoDate {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return today < first ? first : today > last ? last : today;
}

// Balances of every employee in the caller's scope who worked during the year, for each active
// leave type, one page at a time. Reading a balance brings its automatic ledger lines up to date.
export async function getBalancesReport(user: Principal, query: BalancesQuery, now: Date = new Date()): Promise<BalancesReport> {
  if (!can(user, LEAVE_ADMIN)) throw forbidden();
  const today = toIsoDate(now);
  const year = query.year ?? now.getUTCFullYear();
  const asOf = reportDate(year, today);
  const terms = query.q?.split(/\s+/).filter(Boolean) ?? [];
  const where = {
    ...(await employeeScopeWhere(user)),
    ...(query.department ? { departmentId: query.department } : {}),
    hireDate: { lte: fromIsoDate(`${year}-12-31`) },
    OR: [{ exitDate: null }, { exitDate: { gte: fromIsoDate(`${year}-01-01`) } }],
    AND: terms.map((term) => ({
      OR: [{ firstName: { contains: term, mode: "insensitive" as const } }, { lastName: { contains: term, mode: "insensitive" as const } }],
    })),
  };
  const [types, total] = await Promise.all([
    db.leaveType.findMany({
      where: { isActive: true },
      select: { id: true, name: true, code: true, color: true, yearlyHalfDays: true, employmentTypes: true },
      orderBy: { name: "asc" },
    }),
    db.employee.count({ where }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / BALANCES_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const employees = await db.employee.findMany({
    where,
    select: { id: true, firstName: true, lastName: true, jobTitle: true, status: true, employmentType: true, department: { select: { name: true } } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    skip: (page - 1) * BALANCES_PAGE_SIZE,
    take: BALANCES_PAGE_SIZE,
  });

  const rows = await Promise.all(
    employees.map(async (employee) => {
      const cells: Record<string, BalanceCell | null> = {};
      for (const type of types) {
        if (!appliesTo(type, employee.employmentType)) {
          cells[type.id] = null;
          continue;
        }
        const balance = await getBalance(db, employee.id, type.id, year, asOf, { today });
        cells[type.id] = {
          available: balance.available,
          balance: balance.balance,
          scheduled: balance.scheduled,
          pending: balance.pending,
          lapsing: balance.lapsing,
          expiresOn: balance.expiresOn,
        };
      }
      return {
        employee: { ...employeeHeading(employee), status: employee.status },
        cells,
      };
    }),
  );
  return {
    year,
    asOf,
    types: types.map((type) => ({ id: type.id, name: type.name, code: type.code, color: type.color, isUnlimited: isUnlimited(type) })),
    rows,
    total,
    page,
    pageCount,
    pageSize: BALANCES_PAGE_SIZE,
  };
}
