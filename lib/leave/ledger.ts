import "server-only";
import { db, type withTransaction } from "@/lib/db";
import { type IsoDate, toIsoDate } from "./dates";
import { carryExpiryDate, dueEntries, type Policy } from "./policy";

// The leave ledger: every balance is the sum of its lines. Automatic lines (allocation, accrual,
// carry-forward, expiry) are written when first needed, once each (their dedupe key is unique),
// so a balance can be explained line by line and as of any date.
export type Client = Parameters<Parameters<typeof withTransaction>[0]>[0] | typeof db;

export type LedgerLine = {
  id: string;
  kind: string;
  halfDays: number;
  effectiveDate: Date;
  reason: string | null;
  requestId: string | null;
  createdByEmail: string | null;
};

export type Balance = {
  leaveTypeId: string;
  year: number;
  asOf: IsoDate;
  // Sum of the lines effective on or before asOf.
  balance: number;
  // Approved leave after asOf, already in the ledger as future lines.
  scheduled: number;
  // Requests still awaiting a decision.
  pending: number;
  // What a new request may still use: balance - scheduled - pending.
  available: number;
  // Carried-forward days that will lapse on expiresOn (after asOf) unless taken before it: a
  // request starting on or after that date can use at most available - lapsing.
  lapsing: number;
  expiresOn: IsoDate | null;
  lines: LedgerLine[];
};

const MAX_YEARS_BACK = 3;

// `today` decides which leave years are closed (those before today's year): a closed year keeps
// the automatic lines it closed with and only gains ones it never had. Tests fix it; the app
// leaves it to the clock.
export type LedgerOptions = { today?: IsoDate };
type SyncOptions = LedgerOptions & { depth?: number };

type LeaveTypePolicy = Policy & { id: string; employmentTypes: string; isActive: boolean };

export function appliesTo(type: Pick<LeaveTypePolicy, "employmentTypes">, employmentType: string): boolean {
  const types = type.employmentTypes
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  return types.length === 0 || types.includes(employmentType);
}

async function loadContext(client: Client, employeeId: string, leaveTypeId: string) {
  const [employee, type] = await Promise.all([
    client.employee.findUnique({ where: { id: employeeId }, select: { hireDate: true, exitDate: true, employmentType: true } }),
    client.leaveType.findUnique({
      where: { id: leaveTypeId },
      select: {
        id: true,
        yearlyHalfDays: true,
        accrual: true,
        carryForwardMaxHalfDays: true,
        carryForwardExpiryMonths: true,
        employmentTypes: true,
        isActive: true,
      },
    }),
  ]);
  return employee && type ? { employee, type: type as LeaveTypePolicy } : null;
}

function sum(lines: { halfDays: number }[]): number {
  return lines.reduce((total, line) => total + line.halfDays, 0);
}

// Writes the automatic lines due by `asOf` for one employee, leave type and year, and corrects
// those already written whose facts have changed since (see policy.ts).
export async function syncLedger(
  client: Client,
  employeeId: string,
  leaveTypeId: string,
  year: number,
  asOf: IsoDate,
  options: SyncOptions = {},
): Promise<void> {
  const depth = options.depth ?? 0;
  const today = options.today ?? toIsoDate(new Date());
  const context = await loadContext(client, employeeId, leaveTypeId);
  if (!context || !appliesTo(context.type, context.employee.employmentType)) return;
  const employment = { hireDate: toIsoDate(context.employee.hireDate), exitDate: context.employee.exitDate ? toIsoDate(context.employee.exitDate) : null };

  // Null (unknown) past the look-back limit: the carry already recorded then stands, rather than
  // being reversed for want of a figure.
  let previousYearClosing: number | null = 0;
  if (Number(employment.hireDate.slice(0, 4)) < year && context.type.carryForwardMaxHalfDays > 0) {
    if (depth < MAX_YEARS_BACK) {
      await syncLedger(client, employeeId, leaveTypeId, year - 1, `${year - 1}-12-31`, { today, depth: depth + 1 });
      previousYearClosing = sum(await client.leaveLedgerEntry.findMany({ where: { employeeId, leaveTypeId, year: year - 1 }, select: { halfDays: true } }));
    } else {
      previousYearClosing = null;
    }
  }
  const lines = await client.leaveLedgerEntry.findMany({
    where: { employeeId, leaveTypeId, year },
    select: { kind: true, halfDays: true, effectiveDate: true, dedupeKey: true },
  });
  const expiresOn = carryExpiryDate(context.type, year);
  const takenBeforeExpiry = expiresOn
    ? -sum(lines.filter((line) => (line.kind === "TAKEN" || line.kind === "CANCELLED") && toIsoDate(line.effectiveDate) < expiresOn))
    : 0;
  // Automatic lines carry this prefix in their dedupe key; the policy engine works without it.
  const prefix = `${employeeId}:${leaveTypeId}:`;
  const recorded = lines.flatMap((line) => (line.dedupeKey?.startsWith(prefix) ? [{ key: line.dedupeKey.slice(prefix.length), halfDays: line.halfDays }] : []));
  const isClosed = year < Number(today.slice(0, 4));
  const due = dueEntries({ policy: context.type, employment, year, asOf, previousYearClosing, takenBeforeExpiry, recorded, isClosed });
  for (const entry of due) {
    await client.leaveLedgerEntry
      .create({
        data: {
          employeeId,
          leaveTypeId,
          year,
          kind: entry.kind,
          halfDays: entry.halfDays,
          effectiveDate: new Date(`${entry.effectiveDate}T00:00:00Z`),
          reason: entry.reason,
          dedupeKey: `${prefix}${entry.dedupeKey}`,
        },
      })
      .catch((error: unknown) => {
        // Another request wrote the same line a moment ago: that is the line we wanted.
        if ((error as { code?: string }).code !== "P2002") throw error;
      });
  }
}

export async function getBalance(
  client: Client,
  employeeId: string,
  leaveTypeId: string,
  year: number,
  asOf: IsoDate,
  options: LedgerOptions = {},
): Promise<Balance> {
  await syncLedger(client, employeeId, leaveTypeId, year, asOf, { today: options.today });
  const [rows, pendingRequests, type] = await Promise.all([
    client.leaveLedgerEntry.findMany({
      where: { employeeId, leaveTypeId, year },
      select: { id: true, kind: true, halfDays: true, effectiveDate: true, reason: true, requestId: true, createdByEmail: true, dedupeKey: true },
      orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }],
    }),
    client.leaveRequest.findMany({
      where: {
        employeeId,
        leaveTypeId,
        status: { in: ["PENDING_MANAGER", "PENDING_HR"] },
        startDate: { gte: new Date(`${year}-01-01T00:00:00Z`), lte: new Date(`${year}-12-31T00:00:00Z`) },
      },
      select: { halfDays: true },
    }),
    client.leaveType.findUnique({ where: { id: leaveTypeId }, select: { carryForwardExpiryMonths: true } }),
  ]);
  const lines: LedgerLine[] = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    halfDays: row.halfDays,
    effectiveDate: row.effectiveDate,
    reason: row.reason,
    requestId: row.requestId,
    createdByEmail: row.createdByEmail,
  }));
  const upTo = lines.filter((line) => toIsoDate(line.effectiveDate) <= asOf);
  const scheduled = 0 - sum(lines.filter((line) => toIsoDate(line.effectiveDate) > asOf && (line.kind === "TAKEN" || line.kind === "CANCELLED")));
  const balance = sum(upTo);
  const pending = sum(pendingRequests);

  // The lapse still ahead: carried days not (yet) taken before the expiry date.
  const expiry = type ? carryExpiryDate(type, year) : null;
  let lapsing = 0;
  if (expiry && asOf < expiry) {
    const carried = sum(rows.filter((row) => row.dedupeKey?.startsWith(`${employeeId}:${leaveTypeId}:carry:`)));
    const takenBefore = -sum(lines.filter((line) => (line.kind === "TAKEN" || line.kind === "CANCELLED") && toIsoDate(line.effectiveDate) < expiry));
    lapsing = Math.max(0, carried - takenBefore);
  }
  return {
    leaveTypeId,
    year,
    asOf,
    balance,
    scheduled,
    pending,
    available: balance - scheduled - pending,
    lapsing,
    expiresOn: lapsing > 0 ? expiry : null,
    lines,
  };
}

// Every active leave type that applies to the employee, with its balance.
export async function getBalances(client: Client, employeeId: string, year: number, asOf: IsoDate, options: LedgerOptions = {}) {
  const employee = await client.employee.findUnique({ where: { id: employeeId }, select: { employmentType: true } });
  if (!employee) return [];
  const types = await client.leaveType.findMany({ where: { isActive: true }, orderBy: { name: "asc" } });
  const applicable = types.filter((type) => appliesTo(type, employee.employmentType));
  const balances = [];
  for (const type of applicable) balances.push({ type, ...(await getBalance(client, employeeId, type.id, year, asOf, options)) });
  return balances;
}
