import { describe, expect, it } from "vitest";
import { addDays, daysInYear } from "./dates";
import {
  accruedThrough,
  type AutoEntry,
  dueEntries,
  type DueEntriesInput,
  employedDays,
  type Employment,
  type Policy,
  proratedEntitlement,
  type RecordedLine,
  roundHalfDays,
} from "./policy";

// Amounts are half-days throughout: 50 = 25 days.
const ANNUAL: Policy = { yearlyHalfDays: 50, accrual: "UPFRONT", carryForwardMaxHalfDays: 10, carryForwardExpiryMonths: 3 };
const MONTHLY: Policy = { ...ANNUAL, accrual: "MONTHLY", carryForwardMaxHalfDays: 0, carryForwardExpiryMonths: null };
const VETERAN: Employment = { hireDate: "2020-03-02", exitDate: null };

function due(overrides: Partial<DueEntriesInput>): AutoEntry[] {
  return dueEntries({
    policy: ANNUAL,
    employment: VETERAN,
    year: 2026,
    asOf: "2026-12-31",
    previousYearClosing: 0,
    takenBeforeExpiry: 0,
    recorded: [],
    ...overrides,
  });
}

// Does what the ledger does: writes what is due, then asks again, until nothing more is due.
function settle(input: Partial<DueEntriesInput>, recorded: RecordedLine[] = []): RecordedLine[] {
  const lines = [...recorded];
  for (let round = 0; round < 5; round++) {
    const entries = due({ ...input, recorded: lines });
    if (entries.length === 0) return lines;
    lines.push(...entries.map((entry) => ({ key: entry.dedupeKey, halfDays: entry.halfDays })));
  }
  throw new Error("the ledger never settled");
}

const total = (lines: { halfDays: number }[]) => lines.reduce((sum, line) => sum + line.halfDays, 0);
const summary = (entries: AutoEntry[]) => entries.map(({ kind, halfDays, effectiveDate, dedupeKey }) => ({ kind, halfDays, effectiveDate, dedupeKey }));

describe("roundHalfDays", () => {
  it.each([
    [0, 0],
    [7.4999, 7],
    [7.5, 8],
    [7.5000001, 8],
    [8.49, 8],
    [25.205, 25],
    [49.999, 50],
    // 0.1 + 0.2 style noise just under a half still rounds up.
    [0.1 * 3 * 25, 8],
  ])("%d half-days round to %d", (value, expected) => {
    expect(roundHalfDays(value)).toBe(expected);
  });
});

describe("employedDays", () => {
  it.each<[string, Employment, string, string, number]>([
    ["all of a non-leap year", VETERAN, "2026-01-01", "2026-12-31", 365],
    ["all of a leap year", VETERAN, "2024-01-01", "2024-12-31", 366],
    ["a joiner on 1 July (non-leap)", { hireDate: "2026-07-01", exitDate: null }, "2026-01-01", "2026-12-31", 184],
    ["a joiner on 1 July (leap)", { hireDate: "2024-07-01", exitDate: null }, "2024-01-01", "2024-12-31", 184],
    ["a leaver on 29 February", { hireDate: "2020-01-01", exitDate: "2024-02-29" }, "2024-01-01", "2024-12-31", 60],
    ["hired and left within the period", { hireDate: "2026-03-10", exitDate: "2026-03-20" }, "2026-01-01", "2026-12-31", 11],
    ["hired after the period", { hireDate: "2027-01-01", exitDate: null }, "2026-01-01", "2026-12-31", 0],
    ["left before the period", { hireDate: "2020-01-01", exitDate: "2025-12-31" }, "2026-01-01", "2026-12-31", 0],
    ["hired on the last day", { hireDate: "2026-12-31", exitDate: null }, "2026-01-01", "2026-12-31", 1],
  ])("%s", (_, employment, from, to, expected) => {
    expect(employedDays(employment, from, to)).toBe(expected);
  });
});

describe("upfront allocation", () => {
  it("allocates the full year on 1 January to someone employed all year", () => {
    expect(summary(due({ asOf: "2026-01-01" }))).toEqual([{ kind: "ALLOCATION", halfDays: 50, effectiveDate: "2026-01-01", dedupeKey: "allocation:2026" }]);
    expect(due({ asOf: "2026-01-01" })[0].reason).toBe("Yearly allocation");
  });

  it("allocates nothing before the year starts", () => {
    expect(due({ asOf: "2025-12-31" })).toEqual([]);
  });

  it.each([
    // 184 of 365 days × 50 = 25.2; 184 of 366 × 50 = 25.1: both 25.
    ["a non-leap year", 2026, 25],
    ["a leap year", 2024, 25],
  ])("prorates a joiner on 1 July in %s from the hire date", (_, year, expected) => {
    const employment = { hireDate: `${year}-07-01`, exitDate: null };
    const entries = due({ employment, year, asOf: `${year}-07-01` });
    expect(summary(entries)).toEqual([{ kind: "ALLOCATION", halfDays: expected, effectiveDate: `${year}-07-01`, dedupeKey: `allocation:${year}` }]);
    expect(entries[0].reason).toBe("Yearly allocation, prorated for days employed");
    expect(proratedEntitlement(ANNUAL, employment, year)).toBe(expected);
  });

  it.each([
    // Leap years have one more day to share the entitlement among.
    { hireDate: "2026-02-15", year: 2026, yearly: 61, expected: 53 }, // 320/365 × 61 = 53.48
    { hireDate: "2024-02-15", year: 2024, yearly: 61, expected: 54 }, // 321/366 × 61 = 53.50 → rounds up
    { hireDate: "2024-07-02", year: 2024, yearly: 15, expected: 8 }, // exactly half of 366 days: 7.5 → 8
    { hireDate: "2026-12-31", year: 2026, yearly: 50, expected: 0 }, // 1/365 × 50 = 0.14
    { hireDate: "2026-12-29", year: 2026, yearly: 50, expected: 0 }, // 3/365 × 50 = 0.41
    { hireDate: "2026-12-28", year: 2026, yearly: 50, expected: 1 }, // 4/365 × 50 = 0.55
  ])("rounds a joiner on $hireDate ($yearly half-days a year) to $expected half-days", ({ hireDate, year, yearly, expected }) => {
    const policy = { ...ANNUAL, yearlyHalfDays: yearly };
    const entries = due({ policy, employment: { hireDate, exitDate: null }, year, asOf: `${year}-12-31` });
    expect(total(entries)).toBe(expected);
    expect(entries.every((entry) => Number.isInteger(entry.halfDays))).toBe(true);
  });

  it("writes nothing when asked as of a date before the hire date", () => {
    expect(due({ employment: { hireDate: "2026-07-01", exitDate: null }, asOf: "2026-06-30" })).toEqual([]);
    expect(due({ employment: { hireDate: "2026-07-01", exitDate: null }, asOf: "2026-01-01", policy: MONTHLY })).toEqual([]);
  });

  it("writes nothing for a year the person was not employed in", () => {
    expect(due({ employment: { hireDate: "2027-02-01", exitDate: null } })).toEqual([]);
    expect(due({ employment: { hireDate: "2020-01-01", exitDate: "2025-12-31" } })).toEqual([]);
  });

  it("writes nothing for a leave type without an entitlement", () => {
    expect(due({ policy: { ...ANNUAL, yearlyHalfDays: 0 }, previousYearClosing: 0 })).toEqual([]);
  });

  it("prorates a leaver whose exit date is known before the allocation", () => {
    // 1 January to 31 March 2026: 90 of 365 days × 50 = 12.3.
    expect(total(due({ employment: { hireDate: "2020-01-01", exitDate: "2026-03-31" } }))).toBe(12);
  });

  it("adjusts an allocation already made when an exit date is recorded", () => {
    const allocated = [{ key: "allocation:2026", halfDays: 50 }];
    const employment = { hireDate: "2020-01-01", exitDate: "2026-06-30" };
    const entries = due({ employment, recorded: allocated, asOf: "2026-05-10" });
    // 181 of 365 days × 50 = 24.8 → 25, so 25 of the 50 come back off.
    expect(summary(entries)).toEqual([{ kind: "ADJUSTMENT", halfDays: -25, effectiveDate: "2026-01-01", dedupeKey: "allocation:2026:r1" }]);
    expect(entries[0].reason).toBe("Entitlement prorated to the exit date 2026-06-30");
    // Idempotent: asked again with the adjustment recorded, nothing more is due.
    expect(due({ employment, recorded: [...allocated, { key: "allocation:2026:r1", halfDays: -25 }] })).toEqual([]);
  });

  it("keeps the entitlement right however often the exit date changes", () => {
    const hireDate = "2020-01-01";
    let lines = settle({ employment: { hireDate, exitDate: null } });
    for (const exitDate of ["2026-06-30", "2026-09-30", null, "2026-06-30", "2025-12-31", "2026-11-15"]) {
      const employment = { hireDate, exitDate };
      lines = settle({ employment }, lines);
      expect(total(lines), `exit ${exitDate}`).toBe(proratedEntitlement(ANNUAL, employment, 2026));
    }
    // Each correction has its own key, so none was swallowed as a duplicate.
    expect(new Set(lines.map((line) => line.key)).size).toBe(lines.length);
  });

  it("recalculates the allocation when the yearly entitlement is changed", () => {
    const lines = settle({ policy: { ...ANNUAL, yearlyHalfDays: 56 } }, [{ key: "allocation:2026", halfDays: 50 }]);
    expect(total(lines)).toBe(56);
  });
});

describe("monthly accrual", () => {
  it("credits one line per month started by the date asked, on the first of the month", () => {
    expect(summary(due({ policy: MONTHLY, asOf: "2026-03-15" }))).toEqual([
      { kind: "ACCRUAL", halfDays: 4, effectiveDate: "2026-01-01", dedupeKey: "accrual:2026-01" },
      { kind: "ACCRUAL", halfDays: 4, effectiveDate: "2026-02-01", dedupeKey: "accrual:2026-02" },
      { kind: "ACCRUAL", halfDays: 4, effectiveDate: "2026-03-01", dedupeKey: "accrual:2026-03" },
    ]);
    expect(due({ policy: MONTHLY, asOf: "2026-03-15" })[2].reason).toBe("Monthly accrual for 2026-03");
  });

  it("adds up to the yearly entitlement by December, in a leap and a non-leap year", () => {
    expect(total(due({ policy: MONTHLY, year: 2026 }))).toBe(50);
    expect(total(due({ policy: MONTHLY, year: 2024, asOf: "2024-12-31" }))).toBe(50);
  });

  // The running total after each month is the yearly figure prorated by the days employed so far,
  // rounded once; through December it is exactly what upfront allocation would have given.
  const pad = (month: number) => String(month).padStart(2, "0");
  const JOINERS_AND_LEAVERS: (Employment & { year: number })[] = [
    { ...VETERAN, year: 2026 },
    { ...VETERAN, year: 2024 },
    ...[2024, 2026].flatMap((year) =>
      Array.from({ length: 12 }, (_, index) => [
        { hireDate: `${year}-${pad(index + 1)}-01`, exitDate: null, year },
        { hireDate: `${year}-${pad(index + 1)}-15`, exitDate: null, year },
        { hireDate: "2020-01-01", exitDate: `${year}-${pad(index + 1)}-20`, year },
      ]).flat(),
    ),
    { hireDate: "2024-02-29", exitDate: null, year: 2024 },
    { hireDate: "2020-01-01", exitDate: "2024-02-29", year: 2024 },
    { hireDate: "2026-03-10", exitDate: "2026-08-20", year: 2026 },
  ];

  it.each(JOINERS_AND_LEAVERS.flatMap((employment) => [10, 40, 50, 61].map((yearly) => ({ ...employment, yearly }))))(
    "running total equals the prorated figure every month of $year: hired $hireDate, left $exitDate, $yearly a year",
    ({ hireDate, exitDate, year, yearly }) => {
      const policy = { ...MONTHLY, yearlyHalfDays: yearly };
      const employment = { hireDate, exitDate };
      for (let month = 1; month <= 12; month++) {
        const monthEnd = addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`, -1);
        const lines = due({ policy, employment, year, asOf: monthEnd });
        const expected = roundHalfDays((yearly * employedDays(employment, `${year}-01-01`, monthEnd)) / daysInYear(year));
        expect(total(lines), `through ${monthEnd}`).toBe(expected);
        expect(accruedThrough(policy, employment, year, month)).toBe(expected);
      }
      expect(total(due({ policy, employment, year, asOf: `${year}-12-31` }))).toBe(proratedEntitlement(policy, employment, year));
    },
  );

  it("credits a mid-month joiner from the hire date, nothing before it", () => {
    const employment = { hireDate: "2026-03-15", exitDate: null };
    expect(due({ policy: MONTHLY, employment, asOf: "2026-03-14" })).toEqual([]);
    // 15–31 March: 17 of 365 days × 50 = 2.3 → 2.
    expect(summary(due({ policy: MONTHLY, employment, asOf: "2026-03-15" }))).toEqual([
      { kind: "ACCRUAL", halfDays: 2, effectiveDate: "2026-03-15", dedupeKey: "accrual:2026-03" },
    ]);
  });

  it("stops a mid-month leaver's accrual at the exit date", () => {
    const employment = { hireDate: "2020-01-01", exitDate: "2026-05-20" };
    const lines = due({ policy: MONTHLY, employment });
    expect(lines.map((line) => line.dedupeKey)).toEqual(["accrual:2026-01", "accrual:2026-02", "accrual:2026-03", "accrual:2026-04", "accrual:2026-05"]);
    // 1 January–20 May: 140 of 365 days × 50 = 19.2 → 19.
    expect(total(lines)).toBe(19);
  });

  it("takes back months already credited when an exit date is recorded after them", () => {
    const before = settle({ policy: MONTHLY, asOf: "2026-06-01" });
    expect(total(before)).toBe(25);
    const employment = { hireDate: "2020-01-01", exitDate: "2026-03-31" };
    const after = settle({ policy: MONTHLY, employment, asOf: "2026-06-01" }, before);
    expect(total(after)).toBe(proratedEntitlement(MONTHLY, employment, 2026));
    expect(after.filter((line) => line.key.includes(":r")).every((line) => line.halfDays < 0)).toBe(true);
  });

  it("reverses an upfront allocation when the leave type switches to monthly accrual", () => {
    const lines = settle({ policy: MONTHLY, asOf: "2026-03-01" }, [{ key: "allocation:2026", halfDays: 50 }]);
    expect(total(lines)).toBe(12);
    expect(lines).toContainEqual({ key: "allocation:2026:r1", halfDays: -50 });
  });
});

describe("carry-forward", () => {
  it("carries last year's closing balance on 1 January, up to the cap", () => {
    const entries = due({ asOf: "2026-01-01", previousYearClosing: 16 });
    expect(summary(entries)).toContainEqual({ kind: "CARRY_FORWARD", halfDays: 10, effectiveDate: "2026-01-01", dedupeKey: "carry:2026" });
    expect(entries.find((entry) => entry.kind === "CARRY_FORWARD")?.reason).toBe("Carried forward from 2025 (capped)");
  });

  it.each([
    [6, 6],
    [10, 10],
    [11, 10],
    [0, 0],
    [-4, 0],
  ])("carries %d half-days left over as %d", (closing, carried) => {
    const lines = due({ asOf: "2026-01-01", previousYearClosing: closing }).filter((entry) => entry.kind === "CARRY_FORWARD");
    expect(total(lines)).toBe(carried);
  });

  it("carries nothing for someone hired this year, even on 1 January", () => {
    for (const hireDate of ["2026-01-01", "2026-02-01"]) {
      expect(due({ employment: { hireDate, exitDate: null }, previousYearClosing: 8 }).filter((entry) => entry.kind === "CARRY_FORWARD")).toEqual([]);
    }
  });

  it("carries nothing when the leave type has no carry-forward", () => {
    expect(due({ policy: { ...ANNUAL, carryForwardMaxHalfDays: 0 }, previousYearClosing: 8 }).filter((entry) => entry.kind !== "ALLOCATION")).toEqual([]);
  });

  it("corrects the carry when last year's closing balance changes afterwards", () => {
    const carried = [{ key: "carry:2026", halfDays: 10 }];
    const entries = due({ asOf: "2026-01-05", previousYearClosing: 4, recorded: [{ key: "allocation:2026", halfDays: 50 }, ...carried] });
    expect(summary(entries)).toEqual([{ kind: "CARRY_FORWARD", halfDays: -6, effectiveDate: "2026-01-01", dedupeKey: "carry:2026:r1" }]);
  });

  it("leaves the recorded carry alone when last year's closing is unknown", () => {
    const recorded = [
      { key: "allocation:2026", halfDays: 50 },
      { key: "carry:2026", halfDays: 7 },
    ];
    expect(due({ asOf: "2026-02-01", previousYearClosing: null, recorded })).toEqual([]);
    // ...and lapses what is left of it on time.
    expect(summary(due({ asOf: "2026-04-01", previousYearClosing: null, recorded }))).toEqual([
      { kind: "EXPIRY", halfDays: -7, effectiveDate: "2026-04-01", dedupeKey: "expiry:2026" },
    ]);
  });
});

describe("expiry of carried days", () => {
  const carried = [
    { key: "allocation:2026", halfDays: 50 },
    { key: "carry:2026", halfDays: 10 },
  ];

  it("lapses nothing before the expiry date", () => {
    expect(due({ asOf: "2026-03-31", previousYearClosing: 10, recorded: carried })).toEqual([]);
  });

  it("lapses the unused carried days on the expiry date", () => {
    const entries = due({ asOf: "2026-04-01", previousYearClosing: 10, recorded: carried });
    expect(summary(entries)).toEqual([{ kind: "EXPIRY", halfDays: -10, effectiveDate: "2026-04-01", dedupeKey: "expiry:2026" }]);
    expect(entries[0].reason).toBe("Unused carried-forward days lapsed on 2026-04-01");
  });

  it.each([
    [0, -10],
    [4, -6],
    [9, -1],
    [10, 0],
    [30, 0],
  ])("with %d half-days taken before the expiry date, lapses %d", (taken, lapsed) => {
    const lines = due({ asOf: "2026-06-01", previousYearClosing: 10, takenBeforeExpiry: taken, recorded: carried });
    expect(total(lines.filter((line) => line.kind === "EXPIRY"))).toBe(lapsed);
  });

  it("gives back lapsed days when leave taken before the expiry date is recorded late", () => {
    const lapsed = [...carried, { key: "expiry:2026", halfDays: -10 }];
    const entries = due({ asOf: "2026-05-01", previousYearClosing: 10, takenBeforeExpiry: 4, recorded: lapsed });
    expect(summary(entries)).toEqual([{ kind: "EXPIRY", halfDays: 4, effectiveDate: "2026-04-01", dedupeKey: "expiry:2026:r1" }]);
  });

  it("corrects a lapse written early, when asked about a future date, once more leave is taken", () => {
    // Someone looked at the ledger as of June in January: the whole carry was projected to lapse.
    const early = settle({ asOf: "2026-06-30", previousYearClosing: 10 });
    expect(total(early)).toBe(50);
    // Then 3 days (6 half-days) were approved for February.
    const later = settle({ asOf: "2026-02-01", previousYearClosing: 10, takenBeforeExpiry: 6 }, early);
    expect(total(later)).toBe(56);
  });

  it("uses calendar months: a 2-month expiry lapses on 1 March, also in a leap year", () => {
    const policy = { ...ANNUAL, carryForwardExpiryMonths: 2 };
    const recorded = [
      { key: "allocation:2024", halfDays: 50 },
      { key: "carry:2024", halfDays: 10 },
    ];
    expect(due({ policy, year: 2024, asOf: "2024-02-29", previousYearClosing: 10, recorded })).toEqual([]);
    expect(summary(due({ policy, year: 2024, asOf: "2024-03-01", previousYearClosing: 10, recorded }))).toEqual([
      { kind: "EXPIRY", halfDays: -10, effectiveDate: "2024-03-01", dedupeKey: "expiry:2024" },
    ]);
  });

  it("never lapses carried days without an expiry", () => {
    expect(due({ policy: { ...ANNUAL, carryForwardExpiryMonths: null }, previousYearClosing: 10, recorded: carried })).toEqual([]);
  });
});

describe("a closed year", () => {
  it("writes what it never had but corrects nothing it has", () => {
    const employment = { hireDate: "2020-01-01", exitDate: "2026-06-30" };
    expect(due({ employment, isClosed: true, recorded: [{ key: "allocation:2026", halfDays: 50 }] })).toEqual([]);
    expect(
      due({
        isClosed: true,
        previousYearClosing: 4,
        takenBeforeExpiry: 6,
        recorded: [
          { key: "allocation:2026", halfDays: 50 },
          { key: "carry:2026", halfDays: 10 },
          { key: "expiry:2026", halfDays: -10 },
        ],
      }),
    ).toEqual([]);
    expect(summary(due({ employment, isClosed: true }))).toEqual([
      { kind: "ALLOCATION", halfDays: 25, effectiveDate: "2026-01-01", dedupeKey: "allocation:2026" },
    ]);
  });
});

describe("a whole year at once", () => {
  it("allocates, carries, lapses and is idempotent", () => {
    const lines = settle({ previousYearClosing: 14, takenBeforeExpiry: 4 });
    expect(lines).toEqual([
      { key: "allocation:2026", halfDays: 50 },
      { key: "carry:2026", halfDays: 10 },
      { key: "expiry:2026", halfDays: -6 },
    ]);
    expect(due({ previousYearClosing: 14, takenBeforeExpiry: 4, recorded: lines })).toEqual([]);
  });

  it("returns the same lines whatever order of dates it was asked about", () => {
    const dates = ["2026-01-01", "2026-03-15", "2026-04-01", "2026-12-31"];
    const forwards = dates.reduce<RecordedLine[]>(
      (lines, asOf) => settle({ policy: { ...MONTHLY, carryForwardMaxHalfDays: 10, carryForwardExpiryMonths: 3 }, asOf, previousYearClosing: 10 }, lines),
      [],
    );
    const backwards = [...dates]
      .reverse()
      .reduce<RecordedLine[]>(
        (lines, asOf) => settle({ policy: { ...MONTHLY, carryForwardMaxHalfDays: 10, carryForwardExpiryMonths: 3 }, asOf, previousYearClosing: 10 }, lines),
        [],
      );
    expect([...backwards].sort((a, b) => a.key.localeCompare(b.key))).toEqual([...forwards].sort((a, b) => a.key.localeCompare(b.key)));
    expect(total(forwards)).toBe(50);
  });
});
