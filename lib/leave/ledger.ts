import "server-only";
import { db, type withTransaction } from "@/lib/db";
import { type IsoDate, toIsoDate } from "./dates";
import { carryExpiryDate, dueEntries, type Policy } from "./policy";

// The leave ledger: every balance is the sum of its lines. Automatic lines (allocation, accrual,
// carry-forward, expiry) are written when first needed, once each (their dedupe key is unique),
// so a balance can be explained line by line and as of any date.
export type Client = Parameters<Parameters<typeof withTransaction>[0]>[0] | typeof db;

export type LedgerLine = { id: string; kind: string; halfDays: number; effectiveDate: Date; reason: string | null; requestId: string | null };

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
  lines: LedgerLine[];
};

const ENTITLEMENT_KINDS = new Set(["ALLOCATION", "ACCRUAL"]);
const MAX_YEARS_BACK = 3;

type LeaveTypePolicy = Policy & { id: string; employmentTypes: string; isActive: boolean };

export function appliesTo(type: Pick<LeaveTypePolicy, "employmentTypes">, employmentType: string): boolean {
  const types = type.employmentTypes.split(",").map((item) => item.trim()).filter(Boolean);
  return types.length === 0 || types.includes(employmentType);
}

async function loadContext(client: Client, employeeId: string, leaveTypeId: string) {
  const [employee, type] = await Promise.all([
    client.employee.findUnique({ where: { id: employeeId }, select: { hireDate: true, exitDate: true, employmentType: true } }),
    client.leaveType.findUnique({
      where: { id: leaveTypeId },
      select: { id: true, yearlyHalfDays: true, accrual: true, carryForwardMaxHalfDays: true, carryForwardExpiryMonths: true, employmentTypes: true, isActive: true },
    }),
  ]);
  return employee && type ? { employee, type: type as LeaveTypePolicy } : null;
}

function sum(lines: { halfDays: number }[]): number {
  return lines.reduce((total, line) => total + line.halfDays, 0);
}

// Writes the automatic lines due by `asOf` for one employee, leave type and year.
export async function syncLedger(client: Client, employeeId: string, leaveTypeId: string, year: number, asOf: IsoDate, depth = 0): Promise<void> {
  const context = await loadContext(client, employeeId, leaveTypeId);
  if (!context || !appliesTo(context.type, context.employee.employmentType)) return;
  const employment = { hireDate: toIsoDate(context.employee.hireDate), exitDate: context.employee.exitDate ? toIsoDate(context.employee.exitDate) : null };

  let previousYearClosing = 0;
  if (Number(employment.hireDate.slice(0, 4)) < year && context.type.carryForwardMaxHalfDays > 0 && depth < MAX_YEARS_BACK) {
    await syncLedger(client, employeeId, leaveTypeId, year - 1, `${year - 1}-12-31`, depth + 1);
    previousYearClosing = sum(await client.leaveLedgerEntry.findMany({ where: { employeeId, leaveTypeId, year: year - 1 }, select: { halfDays: true } }));
  }
  const lines = await client.leaveLedgerEntry.findMany({
    where: { employeeId, leaveTypeId, year },
    select: { kind: true, halfDays: true, effectiveDate: true, dedupeKey: true },
  });
  const expiresOn = carryExpiryDate(context.type, year);
  const takenBeforeExpiry = expiresOn
    ? -sum(lines.filter((line) => (line.kind === "TAKEN" || line.kind === "CANCELLED") && toIsoDate(line.effectiveDate) < expiresOn))
    : 0;
  const recordedEntitlement = sum(lines.filter((line) => ENTITLEMENT_KINDS.has(line.kind) || line.dedupeKey?.startsWith("entitlement:")));
  const existing = new Set(lines.map((line) => line.dedupeKey).filter(Boolean));
  const due = dueEntries({ policy: context.type, employment, year, asOf, previousYearClosing, takenBeforeExpiry, recordedEntitlement });
  for (const entry of due) {
    const dedupeKey = `${employeeId}:${leaveTypeId}:${entry.dedupeKey}`;
    if (existing.has(dedupeKey)) continue;
    await client.leaveLedgerEntry
      .create({ data: { employeeId, leaveTypeId, year, kind: entry.kind, halfDays: entry.halfDays, effectiveDate: new Date(`${entry.effectiveDate}T00:00:00Z`), reason: entry.reason, dedupeKey } })
      .catch((error: unknown) => {
        // Another request wrote the same line a moment ago: that is the line we wanted.
        if ((error as { code?: string }).code !== "P2002") throw error;
      });
  }
}

export async function getBalance(client: Client, employeeId: string, leaveTypeId: string, year: number, asOf: IsoDate): Promise<Balance> {
  await syncLedger(client, employeeId, leaveTypeId, year, asOf);
  const [lines, pendingRequests] = await Promise.all([
    client.leaveLedgerEntry.findMany({
      where: { employeeId, leaveTypeId, year },
      select: { id: true, kind: true, halfDays: true, effectiveDate: true, reason: true, requestId: true },
      orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }],
    }),
    client.leaveRequest.findMany({
      where: { employeeId, leaveTypeId, status: { in: ["PENDING_MANAGER", "PENDING_HR"] }, startDate: { gte: new Date(`${year}-01-01T00:00:00Z`), lte: new Date(`${year}-12-31T00:00:00Z`) } },
      select: { halfDays: true },
    }),
  ]);
  const upTo = lines.filter((line) => toIsoDate(line.effectiveDate) <= asOf);
  const scheduled = -sum(lines.filter((line) => toIsoDate(line.effectiveDate) > asOf && (line.kind === "TAKEN" || line.kind === "CANCELLED")));
  const balance = sum(upTo);
  const pending = sum(pendingRequests);
  return { leaveTypeId, year, asOf, balance, scheduled, pending, available: balance - scheduled - pending, lines };
}

// Every active leave type that applies to the employee, with its balance.
export async function getBalances(client: Client, employeeId: string, year: number, asOf: IsoDate) {
  const employee = await client.employee.findUnique({ where: { id: employeeId }, select: { employmentType: true } });
  if (!employee) return [];
  const types = await client.leaveType.findMany({ where: { isActive: true }, orderBy: { name: "asc" } });
  const applicable = types.filter((type) => appliesTo(type, employee.employmentType));
  const balances = [];
  for (const type of applicable) balances.push({ type, ...(await getBalance(client, employeeId, type.id, year, asOf)) });
  return balances;
}
