import { addDays, daysBetweenInclusive, daysInMonth, daysInYear, fromIsoDate, type IsoDate, toIsoDate } from "./dates";

// The leave policy engine: which automatic ledger lines (allocation, monthly accrual,
// carry-forward, expiry) are due for one employee, leave type and year by a given date. Pure and
// deterministic; the ledger service writes the lines it returns, once each (by dedupe key).
//
// Each automatic amount is a "component" with a key (allocation:2026, accrual:2026-03, carry:2026,
// expiry:2026) and a target worked out from today's facts. A component is first written when it
// falls due; if its facts change later (an exit date, a late request before the lapse, a changed
// closing balance last year), a correction line brings the recorded sum back to the target. So the
// ledger is right whatever order the syncs ran in and whichever dates they were asked about. Once
// a year has ended it is closed: nothing in it is corrected any more, only missing lines written.
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

// An automatic line already in the ledger: its dedupe key (without the employee and leave type
// prefix the ledger adds) and amount.
export type RecordedLine = { key: string; halfDays: number };

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

// Accrued from 1 January through the end of month `month` (0 = nothing yet): the yearly figure
// prorated by the days employed so far, rounded once on the running total. Through December it
// is exactly proratedEntitlement, so monthly and upfront leave prorate a joiner or leaver alike.
export function accruedThrough(policy: Policy, employment: Employment, year: number, month: number): number {
  if (month <= 0) return 0;
  return roundHalfDays((policy.yearlyHalfDays * employedDays(employment, yearStart(year), monthEnd(year, month))) / daysInYear(year));
}

function addMonths(date: IsoDate, months: number): IsoDate {
  const next = fromIsoDate(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return toIsoDate(next);
}

export function carryExpiryDate(policy: Pick<Policy, "carryForwardExpiryMonths">, year: number): IsoDate | null {
  return policy.carryForwardExpiryMonths === null ? null : addMonths(yearStart(year), policy.carryForwardExpiryMonths);
}

export type DueEntriesInput = {
  policy: Policy;
  employment: Employment;
  year: number;
  asOf: IsoDate;
  // Closing balance of the previous year (its lines' sum), for carry-forward; null when it was not
  // worked out (too many years back), in which case the carry already recorded stands.
  previousYearClosing: number | null;
  // Half-days taken (net of cancellations) in this year before the carried days lapse.
  takenBeforeExpiry: number;
  // The automatic lines already in the ledger for this employee, leave type and year.
  recorded: readonly RecordedLine[];
  // A leave year that has ended keeps the lines it closed with: a later change of policy or of
  // dates does not rewrite it (nor, through its closing balance, the carry out of it).
  isClosed?: boolean;
};

type Component = {
  key: string;
  kind: AutoEntry["kind"];
  target: number;
  effectiveDate: IsoDate;
  reason: string;
  correctionKind: AutoEntry["kind"];
  correctionReason: string;
};

// A correction line's key is its component's key with the number of lines already recorded for
// it ("carry:2026:r1"), so two syncs working from the same ledger write the same line once.
const COMPONENT_OF = /^(allocation:\d{4}|accrual:\d{4}-\d{2}|carry:\d{4}|expiry:\d{4})(?::r\d+)?$/;

function recordedByComponent(recorded: readonly RecordedLine[]): Map<string, { sum: number; count: number }> {
  const byComponent = new Map<string, { sum: number; count: number }>();
  for (const line of recorded) {
    const component = COMPONENT_OF.exec(line.key)?.[1];
    if (!component) continue;
    const current = byComponent.get(component) ?? { sum: 0, count: 0 };
    byComponent.set(component, { sum: current.sum + line.halfDays, count: current.count + 1 });
  }
  return byComponent;
}

function entitlementComponents(input: DueEntriesInput, isEmployed: boolean): Component[] {
  const { policy, employment, year } = input;
  const hireInYear = employment.hireDate >= yearStart(year) && employment.hireDate <= yearEnd(year);
  const firstDay = hireInYear ? employment.hireDate : yearStart(year);
  const correctionReason =
    employment.exitDate && employment.exitDate <= yearEnd(year)
      ? `Entitlement prorated to the exit date ${employment.exitDate}`
      : "Entitlement recalculated for changed employment dates or policy";

  const allocation = isEmployed && policy.accrual === "UPFRONT" ? proratedEntitlement(policy, employment, year) : 0;
  const components: Component[] = [
    {
      key: `allocation:${year}`,
      kind: "ALLOCATION",
      target: allocation,
      effectiveDate: firstDay,
      reason: allocation === policy.yearlyHalfDays ? "Yearly allocation" : "Yearly allocation, prorated for days employed",
      correctionKind: "ADJUSTMENT",
      correctionReason,
    },
  ];
  for (let month = 1; month <= 12; month++) {
    const start = monthStart(year, month);
    const isHireMonth = employment.hireDate > start && employment.hireDate <= monthEnd(year, month);
    const target =
      isEmployed && policy.accrual === "MONTHLY" ? accruedThrough(policy, employment, year, month) - accruedThrough(policy, employment, year, month - 1) : 0;
    components.push({
      key: `accrual:${start.slice(0, 7)}`,
      kind: "ACCRUAL",
      target,
      effectiveDate: isHireMonth ? employment.hireDate : start,
      reason: `Monthly accrual for ${start.slice(0, 7)}`,
      correctionKind: "ADJUSTMENT",
      correctionReason: `Accrual for ${start.slice(0, 7)} recalculated: ${correctionReason.charAt(0).toLowerCase()}${correctionReason.slice(1)}`,
    });
  }
  return components;
}

function carryComponents(input: DueEntriesInput, isEmployed: boolean, recordedCarry: number): Component[] {
  const { policy, employment, year } = input;
  const isCarryable = isEmployed && employment.hireDate < yearStart(year);
  const closing = input.previousYearClosing;
  const carried = !isCarryable ? 0 : closing === null ? recordedCarry : Math.min(policy.carryForwardMaxHalfDays, Math.max(0, closing));
  const components: Component[] = [
    {
      key: `carry:${year}`,
      kind: "CARRY_FORWARD",
      target: carried,
      effectiveDate: yearStart(year),
      reason: `Carried forward from ${year - 1}${closing !== null && closing > carried ? " (capped)" : ""}`,
      correctionKind: "CARRY_FORWARD",
      correctionReason: `Carry-forward from ${year - 1} recalculated: its closing balance or the cap changed`,
    },
  ];
  const expiresOn = carryExpiryDate(policy, year);
  // Leave taken before the lapse is drawn from the carried days first.
  const lapsing = expiresOn ? Math.max(0, carried - Math.max(0, input.takenBeforeExpiry)) : 0;
  components.push({
    key: `expiry:${year}`,
    kind: "EXPIRY",
    target: -lapsing,
    effectiveDate: expiresOn ?? yearStart(year),
    reason: `Unused carried-forward days lapsed on ${expiresOn}`,
    correctionKind: "EXPIRY",
    correctionReason: expiresOn
      ? `Lapse on ${expiresOn} recalculated for the carried days and the leave taken before it`
      : "Lapse reversed: carried-forward days no longer expire",
  });
  return components;
}

export function dueEntries(input: DueEntriesInput): AutoEntry[] {
  const isEmployed = employedDays(input.employment, yearStart(input.year), yearEnd(input.year)) > 0;
  const recorded = recordedByComponent(input.recorded);
  const components = [...entitlementComponents(input, isEmployed), ...carryComponents(input, isEmployed, recorded.get(`carry:${input.year}`)?.sum ?? 0)];

  const entries: AutoEntry[] = [];
  for (const component of components) {
    const existing = recorded.get(component.key);
    if (!existing) {
      // A component is first written once it falls due: nothing before the hire date or the lapse.
      if (component.target !== 0 && input.asOf >= component.effectiveDate) {
        entries.push({
          kind: component.kind,
          halfDays: component.target,
          effectiveDate: component.effectiveDate,
          dedupeKey: component.key,
          reason: component.reason,
        });
      }
    } else if (existing.sum !== component.target && !input.isClosed) {
      entries.push({
        kind: component.correctionKind,
        halfDays: component.target - existing.sum,
        effectiveDate: component.effectiveDate,
        dedupeKey: `${component.key}:r${existing.count}`,
        reason: component.correctionReason,
      });
    }
  }
  return entries;
}

export { addDays };
