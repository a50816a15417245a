import { addDays, daysBetweenInclusive, daysInMonth, daysInYear, fromIsoDate, type IsoDate, toIsoDate } from "./dates";

// The leave policy engine: which automatic ledger lines (allocation, monthly accrual,
// carry-forward, expiry) are due for one employee, leave type and year by a given date. Pure and
// deterministic; the ledger service writes the lines it returns, once each (by dedupe key).
export type Policy = {
  yearlyHalfDays: number;
  accrual: "UPFRONT" | "MONTHLY";
  carryForwardMaxHalfDays: number;
  carryForwardExpiryMonths: number | null;
};

export type Employment = { hireDate: IsoDate; exitDate: IsoDate | null };

export type AutoEntry = {
  kind: "ALLOCATION" | "ACCRUAL" | "CARRY_FORWARD" | "EXPIRY" | "ADJUSTMENT";
  halfDays: number;
  effectiveDate: IsoDate;
  dedupeKey: string;
  reason: string;
};

const yearStart = (year: number): IsoDate => `${year}-01-01`;
const yearEnd = (year: number): IsoDate => `${year}-12-31`;
const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

// Days of [from, to] during which the person was employed (hire date to exit date, inclusive).
export function employedDays(employment: Employment, from: IsoDate, to: IsoDate): number {
  const start = maxDate(from, employment.hireDate);
  const end = employment.exitDate ? minDate(to, employment.exitDate) : to;
  return end < start ? 0 : daysBetweenInclusive(start, end);
}

// Whole half-days, rounding halves up: 7.5 half-days → 8.
export function roundHalfDays(value: number): number {
  return Math.floor(value + 0.5 + 1e-9);
}

// A year's entitlement in proportion to the days employed in it (joiners and leavers).
export function proratedEntitlement(policy: Policy, employment: Employment, year: number): number {
  return roundHalfDays((policy.yearlyHalfDays * employedDays(employment, yearStart(year), yearEnd(year))) / daysInYear(year));
}

function monthStart(year: number, month: number): IsoDate {
  return `${year}-${String(month).padStart(2, "0")}-01`;
}

function monthEnd(year: number, month: number): IsoDate {
  return `${year}-${String(month).padStart(2, "0")}-${String(daysInMonth(year, month)).padStart(2, "0")}`;
}

// Accrued through month `month`, rounded once on the running total so the twelve months always
// add up to the prorated yearly figure instead of drifting by rounding each month.
function accruedThrough(policy: Policy, employment: Employment, year: number, month: number): number {
  let fraction = 0;
  for (let m = 1; m <= month; m++) fraction += employedDays(employment, monthStart(year, m), monthEnd(year, m)) / daysInMonth(year, m);
  return roundHalfDays((policy.yearlyHalfDays * fraction) / 12);
}

function addMonths(date: IsoDate, months: number): IsoDate {
  const next = fromIsoDate(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return toIsoDate(next);
}

export type DueEntriesInput = {
  policy: Policy;
  employment: Employment;
  year: number;
  asOf: IsoDate;
  // Closing balance of the previous year (its lines' sum), for carry-forward.
  previousYearClosing: number;
  // Half-days taken (net of cancellations) in this year before the carried days lapse.
  takenBeforeExpiry: number;
  // What entitlement lines already in the ledger add up to (allocation, accrual, adjustments).
  recordedEntitlement: number;
};

export function dueEntries(input: DueEntriesInput): AutoEntry[] {
  const { policy, employment, year, asOf } = input;
  const entries: AutoEntry[] = [];
  const firstDay = maxDate(yearStart(year), employment.hireDate);
  if (employedDays(employment, yearStart(year), yearEnd(year)) === 0 || asOf < firstDay) return entries;

  if (policy.accrual === "UPFRONT") {
    const target = proratedEntitlement(policy, employment, year);
    if (input.recordedEntitlement === 0 && target !== 0) {
      entries.push({ kind: "ALLOCATION", halfDays: target, effectiveDate: firstDay, dedupeKey: `allocation:${year}`, reason: target === policy.yearlyHalfDays ? "Yearly allocation" : "Yearly allocation, prorated for days employed" });
    } else if (input.recordedEntitlement !== 0 && input.recordedEntitlement !== target) {
      // The employment dates changed after allocation (a leaver, usually): adjust once per target.
      entries.push({
        kind: "ADJUSTMENT",
        halfDays: target - input.recordedEntitlement,
        effectiveDate: employment.exitDate && employment.exitDate < asOf ? employment.exitDate : minDate(asOf, yearEnd(year)),
        dedupeKey: `entitlement:${year}:${target}`,
        reason: employment.exitDate ? `Entitlement prorated to the exit date ${employment.exitDate}` : "Entitlement recalculated for changed employment dates",
      });
    }
  } else {
    let previous = 0;
    for (let month = 1; month <= 12; month++) {
      const start = monthStart(year, month);
      if (start > asOf) break;
      const through = accruedThrough(policy, employment, year, month);
      const amount = through - previous;
      previous = through;
      if (amount !== 0) {
        entries.push({ kind: "ACCRUAL", halfDays: amount, effectiveDate: maxDate(start, employment.hireDate), dedupeKey: `accrual:${year}-${String(month).padStart(2, "0")}`, reason: `Monthly accrual for ${start.slice(0, 7)}` });
      }
    }
  }

  const carried = Math.min(policy.carryForwardMaxHalfDays, Math.max(0, input.previousYearClosing));
  if (carried > 0 && employment.hireDate < yearStart(year)) {
    entries.push({ kind: "CARRY_FORWARD", halfDays: carried, effectiveDate: yearStart(year), dedupeKey: `carry:${year}`, reason: `Carried forward from ${year - 1}${input.previousYearClosing > carried ? " (capped)" : ""}` });
    if (policy.carryForwardExpiryMonths !== null) {
      const expiresOn = addMonths(yearStart(year), policy.carryForwardExpiryMonths);
      // Leave taken before the lapse is drawn from the carried days first.
      const lapsing = Math.max(0, carried - input.takenBeforeExpiry);
      if (asOf >= expiresOn && lapsing > 0) {
        entries.push({ kind: "EXPIRY", halfDays: -lapsing, effectiveDate: expiresOn, dedupeKey: `expiry:${year}`, reason: `Unused carried-forward days lapsed on ${expiresOn}` });
      }
    }
  }
  return entries;
}

export function carryExpiryDate(policy: Policy, year: number): IsoDate | null {
  return policy.carryForwardExpiryMonths === null ? null : addMonths(yearStart(year), policy.carryForwardExpiryMonths);
}

export { addDays };
