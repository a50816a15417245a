import { type IsoDate } from "./dates";
import { invalid } from "./errors";
import { type PayslipLine } from "./lines";
import { assertMinor, formatMoney } from "./money";
import { PERIODS_PER_YEAR, taxPeriodNumber } from "./pay-periods";
import { addRatio, compareRatio, formatRatio, makeRatio, multiplyRatio, parsePercent, type Ratio, ratioOf, subtractRatio, ZERO } from "./ratio";
import { describeRounding, roundMinor, type RoundingRule } from "./rounding";
import { baseBefore, baseThisPeriod, type TaxBase, type TaxContext } from "./tax-context";

// A country's income tax (or a social contribution) as brackets over an annual amount, any
// country: configure the years' allowance and brackets, and how a period is taxed:
//   CUMULATIVE      tax on pay to date against the year's thresholds x periods so far / periods in
//                   the year, less tax already deducted this year (UK-style, self-correcting)
//   NON_CUMULATIVE  each period alone against thresholds / periods in the year
//   ANNUALISED      this period's pay x periods in the year, taxed for a year, / periods
export type TaxBracket = { upTo: number | null; ratePercent: string }; // annual, above the allowance
export type TaxYearTable = { startsOn: IsoDate; endsOn: IsoDate; allowance?: number; brackets: TaxBracket[] };

export type ProgressiveTaxRule = {
  type: "PROGRESSIVE";
  code: string;
  name: string;
  payer: "EMPLOYEE" | "EMPLOYER";
  base: TaxBase;
  method: "CUMULATIVE" | "NON_CUMULATIVE" | "ANNUALISED";
  years: TaxYearTable[];
  rounding: RoundingRule;
};

function findYear(rule: ProgressiveTaxRule, payDate: IsoDate): TaxYearTable {
  const year = rule.years.find((table) => table.startsOn <= payDate && payDate <= table.endsOn);
  if (!year) throw invalid(`taxes.${rule.code}.years`, `${rule.name} has no tax year covering the pay date ${payDate}.`);
  return year;
}

// Tax on `amount` with every threshold scaled by `fraction` of a year; exact.
function taxOnBrackets(amount: Ratio, year: TaxYearTable, fraction: Ratio, path: string): Ratio {
  let remaining = subtractRatio(amount, multiplyRatio(ratioOf(year.allowance ?? 0), fraction));
  let lower: Ratio = ZERO;
  let tax: Ratio = ZERO;
  for (const [index, bracket] of year.brackets.entries()) {
    if (compareRatio(remaining, ZERO) <= 0) break;
    const rate = parsePercent(bracket.ratePercent);
    if (bracket.upTo === null) {
      tax = addRatio(tax, multiplyRatio(remaining, rate));
      break;
    }
    const upper = multiplyRatio(ratioOf(assertMinor(bracket.upTo, `${path}.brackets.${index}.upTo`)), fraction);
    const width = subtractRatio(upper, lower);
    const slice = compareRatio(remaining, width) < 0 ? remaining : width;
    tax = addRatio(tax, multiplyRatio(slice, rate));
    remaining = subtractRatio(remaining, slice);
    lower = upper;
  }
  return tax;
}

function describeBrackets(year: TaxYearTable, context: TaxContext): string {
  const money = (value: number) => formatMoney(value, context.currency);
  let from = 0;
  const parts = year.brackets.map((bracket) => {
    const text =
      bracket.upTo === null ? `above ${money(from)} at ${bracket.ratePercent}%` : `${money(from)} to ${money(bracket.upTo)} at ${bracket.ratePercent}%`;
    from = bracket.upTo ?? from;
    return text;
  });
  return `allowance ${money(year.allowance ?? 0)} a year, then ${parts.join(", ")}`;
}

export function calculateProgressiveTax(rule: ProgressiveTaxRule, context: TaxContext): PayslipLine[] {
  const year = findYear(rule, context.payDate);
  const path = `taxes.${rule.code}`;
  const periods = PERIODS_PER_YEAR[context.period.frequency];
  const money = (value: number) => formatMoney(value, context.currency);
  const pay = baseThisPeriod(context, rule.base);
  let amount: number;
  let basis: string;
  if (rule.method === "CUMULATIVE") {
    const n = Math.min(taxPeriodNumber(context.period.frequency, year.startsOn, context.payDate), periods);
    const payToDate = baseBefore(context, rule.base) + pay;
    const dueToDate = roundMinor(taxOnBrackets(ratioOf(payToDate), year, makeRatio(BigInt(n), BigInt(periods)), path), rule.rounding);
    const paid = context.previous.byCode[rule.code] ?? 0;
    amount = dueToDate - paid;
    basis = `Cumulative, period ${n} of ${periods}: tax on ${money(payToDate)} to date with thresholds x ${n}/${periods} is ${money(dueToDate)}, less ${money(paid)} already deducted; ${describeBrackets(year, context)}`;
  } else if (rule.method === "NON_CUMULATIVE") {
    amount = roundMinor(taxOnBrackets(ratioOf(pay), year, makeRatio(1n, BigInt(periods)), path), rule.rounding);
    basis = `This period alone: tax on ${money(pay)} with thresholds / ${periods}; ${describeBrackets(year, context)}`;
  } else {
    const annual = taxOnBrackets(ratioOf(pay * periods), year, makeRatio(1n), path);
    amount = roundMinor(multiplyRatio(annual, makeRatio(1n, BigInt(periods))), rule.rounding);
    basis = `Annualised: ${money(pay)} x ${periods} = ${money(pay * periods)} a year, tax ${formatRatio(annual, 2)} minor units a year / ${periods}; ${describeBrackets(year, context)}`;
  }
  return [
    {
      code: rule.code,
      name: rule.name,
      kind: rule.payer === "EMPLOYEE" ? "DEDUCTION" : "EMPLOYER_CONTRIBUTION",
      source: "TAX",
      amount,
      basis,
      rounding: describeRounding(rule.rounding, context.currency.minorDigits),
      isTaxable: false,
      isContributable: false,
    },
  ];
}
