import { calculateComponentLines } from "./component-lines";
import { type IsoDate, toDayNumber } from "./dates";
import { invalid } from "./errors";
import { type PayslipLine, type PayslipTotals, sumLines } from "./lines";
import { assertMinor, formatMoney } from "./money";
import { assertPayPeriod, type PayPeriod } from "./pay-periods";
import { type BasePay, type Employment, prorate, type ProrationBasis, type ProrationSettings, type UnpaidDay } from "./proration";
import { compileStructureOnce, type SalaryStructure } from "./structure";
import { calculateTax, type TaxRule } from "./taxes";
import { addToYearToDate, checkYearToDate, type YearToDate } from "./year-to-date";

// One employee's pay for one period: a pure function of its input. The same input gives the
// same lines, to the penny, whenever and wherever it runs; nothing is read from a clock or a
// database. Order: one-off additions and deductions, then the structure's components (so a
// percentage of GROSS includes a bonus), then the tax rules on the resulting pay bases.
export type PayrollSettings = {
  proration: ProrationSettings;
  // First day of the tax year as "MM-DD" ("04-06" in the UK); "01-01" when not given.
  taxYearStart?: string;
};

// A bonus, an advance recovery, a correction: entered for one period, with its reason.
export type OneOffAdjustment = {
  code: string;
  name: string;
  kind: "EARNING" | "DEDUCTION";
  amount: number;
  reason: string;
  isTaxable?: boolean; // earnings; default true
  isContributable?: boolean; // earnings; default true
  isPreTax?: boolean; // deductions; default false
  isPreContribution?: boolean; // deductions; default false
};

export type PayslipInput = {
  structure: SalaryStructure;
  period: PayPeriod;
  payDate: IsoDate;
  employment: Employment;
  basePay: readonly BasePay[];
  settings: PayrollSettings;
  unpaidLeave?: readonly UnpaidDay[];
  absences?: readonly UnpaidDay[];
  adjustments?: readonly OneOffAdjustment[];
  taxes?: readonly TaxRule[];
  yearToDate?: YearToDate | null; // to the end of the previous period of the same tax year
};

export type PayslipCalculation = {
  currency: string;
  period: PayPeriod;
  payDate: IsoDate;
  taxYearStartsOn: IsoDate;
  days: { basis: ProrationBasis; inPeriod: number; employed: number; unpaidLeave: number; absence: number; paid: number };
  lines: PayslipLine[];
  totals: PayslipTotals;
  yearToDate: YearToDate;
  warnings: string[];
};

const CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

export function taxYearStartFor(payDate: IsoDate, monthDay = "01-01"): IsoDate {
  if (!/^\d{2}-\d{2}$/.test(monthDay)) throw invalid("settings.taxYearStart", `The tax year start is written MM-DD (got "${monthDay}").`);
  const thisYear = `${payDate.slice(0, 4)}-${monthDay}`;
  toDayNumber(thisYear, "settings.taxYearStart");
  return thisYear <= payDate ? thisYear : `${String(Number(payDate.slice(0, 4)) - 1).padStart(4, "0")}-${monthDay}`;
}

function adjustmentLines(adjustments: readonly OneOffAdjustment[], componentCodes: ReadonlyMap<string, unknown>, input: PayslipInput): PayslipLine[] {
  return adjustments.map((adjustment, index) => {
    const path = `adjustments.${index}`;
    if (!CODE.test(adjustment.code)) throw invalid(`${path}.code`, `An adjustment code is capital letters, digits or underscores (got "${adjustment.code}").`);
    if (componentCodes.has(adjustment.code))
      throw invalid(`${path}.code`, `${adjustment.code} is a component of the structure; a one-off needs a code of its own.`);
    if (adjustment.kind !== "EARNING" && adjustment.kind !== "DEDUCTION") throw invalid(`${path}.kind`, "A one-off is an EARNING or a DEDUCTION.");
    if (!adjustment.reason?.trim()) throw invalid(`${path}.reason`, "A one-off needs a reason.");
    assertMinor(adjustment.amount, `${path}.amount`);
    const isEarning = adjustment.kind === "EARNING";
    return {
      code: adjustment.code,
      name: adjustment.name,
      kind: adjustment.kind,
      source: "ADJUSTMENT" as const,
      amount: adjustment.amount,
      basis: `One-off for ${input.period.start} to ${input.period.end}: ${adjustment.reason.trim()}`,
      rounding: "none (entered in minor units)",
      isTaxable: isEarning ? (adjustment.isTaxable ?? true) : (adjustment.isPreTax ?? false),
      isContributable: isEarning ? (adjustment.isContributable ?? true) : (adjustment.isPreContribution ?? false),
    };
  });
}

export function calculatePayslip(input: PayslipInput): PayslipCalculation {
  assertPayPeriod(input.period);
  toDayNumber(input.payDate, "payDate");
  const compiled = compileStructureOnce(input.structure);
  const { currency } = compiled;
  const taxYearStartsOn = taxYearStartFor(input.payDate, input.settings.taxYearStart);
  const previous = checkYearToDate(input.yearToDate, taxYearStartsOn);
  const proration = prorate({
    period: input.period,
    settings: input.settings.proration,
    employment: input.employment,
    basePay: input.basePay,
    unpaidLeave: input.unpaidLeave,
    absences: input.absences,
  });

  const oneOffs = adjustmentLines(input.adjustments ?? [], compiled.byCode, input);
  const oneOffEarnings = oneOffs.filter((line) => line.kind === "EARNING").reduce((sum, line) => sum + line.amount, 0);
  const lines = [...calculateComponentLines({ compiled, period: input.period, proration, oneOffEarnings }), ...oneOffs];

  const bases = sumLines(lines);
  const context = {
    period: input.period,
    payDate: input.payDate,
    currency,
    gross: bases.gross,
    taxablePay: bases.taxablePay,
    contributablePay: bases.contributablePay,
    previous,
  };
  for (const rule of input.taxes ?? []) lines.push(...calculateTax(rule, context));

  const totals = sumLines(lines);
  const warnings: string[] = [];
  if (totals.net < 0) warnings.push(`Deductions exceed earnings: net pay is ${formatMoney(totals.net, currency)}.`);
  const half = (units: number) => units / 2;
  return {
    currency: currency.code,
    period: input.period,
    payDate: input.payDate,
    taxYearStartsOn,
    days: {
      basis: proration.basis,
      inPeriod: half(proration.periodUnits),
      employed: half(proration.employedUnits),
      unpaidLeave: half(proration.unpaidLeaveUnits),
      absence: half(proration.absenceUnits),
      paid: half(proration.paidUnits),
    },
    lines,
    totals,
    yearToDate: addToYearToDate(previous, totals, lines),
    warnings,
  };
}
