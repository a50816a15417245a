import { invalid } from "../errors";
import { type PayslipLine } from "../lines";
import { formatMoney } from "../money";
import { type PayFrequency, taxPeriodNumber } from "../pay-periods";
import { parsePercent } from "../ratio";
import { floorDivide } from "../rounding";
import { type TaxContext } from "../tax-context";
import { parseUkTaxCode, type UkTaxCode } from "./tax-code";
import { findUkTaxYear, type UkBand, type UkTaxYear, UK_TAX_YEARS } from "./tax-years";

// UK PAYE income tax as HMRC's "Specification for PAYE Tax Table Routines" computes it, in pence
// and in the specification's own unit of £0.0001 where it truncates to four places, so the
// result is the tables' to the penny:
//   free pay for period 1 = (code remainder x 10 + 9) / 12 (or / 52), rounded up to the penny,
//     plus £416.67 (£96.16) for each 500 in the code; to date = that x period number
//   taxable pay to date = pay to date - free pay to date (K codes: + additional pay), rounded
//     down to the pound
//   band limits to date = annual limit x n / 12 (or 52); tax to date rounded down to the penny
//   tax this period = tax to date - tax deducted before, never more than 50% of this period's pay.
// Week 1/month 1 codes take each period alone, as if it were period 1 (or the weeks it spans).
export type UkPayeRule = {
  type: "UK_PAYE";
  code?: string; // the line's code, "PAYE" by default
  taxCode: string;
  // Pay and tax from an earlier employment this tax year (the P45), for the cumulative basis.
  previousEmployment?: { taxablePay: number; tax: number };
  years?: readonly UkTaxYear[];
};

const UNITS = 10_000n; // £0.0001 per pound
const PER_500: Record<12 | 52, bigint> = { 12: 41_667n, 52: 9_616n }; // £416.67 a month, £96.16 a week

type UkPeriod = { base: 12 | 52; span: number; number: number };

export function ukTaxPeriod(frequency: PayFrequency, year: UkTaxYear, payDate: string): UkPeriod {
  if (frequency === "MONTHLY") return { base: 12, span: 1, number: taxPeriodNumber("MONTHLY", year.startsOn, payDate) };
  if (frequency === "WEEKLY" || frequency === "BI_WEEKLY")
    return { base: 52, span: frequency === "WEEKLY" ? 1 : 2, number: taxPeriodNumber("WEEKLY", year.startsOn, payDate) };
  throw invalid("period.frequency", "UK PAYE has weekly, two-weekly and monthly tables; a semi-monthly payroll cannot use this preset.");
}

// Free pay (suffix codes) or additional pay (K codes) for one week or month, in pence.
export function ukPayAdjustment(codeNumber: number, base: 12 | 52): bigint {
  if (codeNumber === 0) return 0n;
  const quotient = BigInt(Math.floor((codeNumber - 1) / 500));
  const remainder = BigInt(codeNumber) - quotient * 500n;
  const valueInUnits = floorDivide((remainder * 10n + 9n) * UNITS, BigInt(base));
  const pence = -floorDivide(-valueInUnits, 100n); // rounded up to the penny
  return pence + quotient * PER_500[base];
}

function bandsFor(year: UkTaxYear, code: UkTaxCode): readonly UkBand[] {
  if (code.country === "SCOTLAND") throw invalid("taxCode", "Scottish (S) tax codes need Scotland's bands, which this preset does not include.");
  if (code.country === "WALES") {
    if (!year.incomeTax.wales) throw invalid("taxCode", `Welsh (C) rates for ${year.label} are not configured.`);
    return year.incomeTax.wales;
  }
  return year.incomeTax.rest;
}

const rateInUnits = (percent: string): bigint => {
  const rate = parsePercent(percent);
  return (rate.n * UNITS) / rate.d; // 20% -> 2000 (of 10,000); UK rates have at most two decimals
};

// Tax due to date in pence on taxable pay to date (pence, unrounded), period n of `base`.
export function ukTaxDueToDate(taxablePence: bigint, bands: readonly UkBand[], n: number, base: 12 | 52): bigint {
  if (taxablePence <= 0n) return 0n;
  const periods = BigInt(n);
  let lowerThreshold = 0n; // £0.0001
  let lowerTax = 0n; // £0.0001, tax on the bands below
  let cumulativeWidth = 0n;
  let cumulativeTax = 0n; // £0.0001 a year
  const pounds = floorDivide(taxablePence, 100n);
  for (const band of bands) {
    const rate = rateInUnits(band.ratePercent);
    if (band.widthPounds !== null) {
      const nextWidth = cumulativeWidth + BigInt(band.widthPounds);
      const threshold = floorDivide(nextWidth * UNITS * periods, BigInt(base));
      const thresholdInPounds = -floorDivide(-threshold, UNITS);
      if (taxablePence > thresholdInPounds * 100n) {
        cumulativeWidth = nextWidth;
        cumulativeTax += BigInt(band.widthPounds) * rate;
        lowerThreshold = threshold;
        lowerTax = floorDivide(cumulativeTax * periods, BigInt(base));
        continue;
      }
    }
    const taxInUnits = lowerTax + floorDivide((pounds * UNITS - lowerThreshold) * rate, UNITS);
    return floorDivide(taxInUnits, 100n);
  }
  throw new Error("the last UK band must be unbounded");
}

function flatRateTax(payToDatePence: bigint, percent: string): bigint {
  const pounds = payToDatePence > 0n ? floorDivide(payToDatePence, 100n) : 0n;
  return floorDivide(pounds * rateInUnits(percent), 100n);
}

export function calculateUkPaye(rule: UkPayeRule, context: TaxContext): PayslipLine[] {
  const year = findUkTaxYear(rule.years ?? UK_TAX_YEARS, context.payDate);
  if (!year) throw invalid("payDate", `No UK tax year is configured for a payment on ${context.payDate}.`);
  if (context.previous.taxYearStartsOn !== year.startsOn)
    throw invalid("settings.taxYearStart", `UK PAYE needs the tax year to start on 6 April (the payroll's starts on ${context.previous.taxYearStartsOn}).`);
  const lineCode = rule.code ?? "PAYE";
  const code = parseUkTaxCode(rule.taxCode, "taxes.UK_PAYE.taxCode");
  const bands = bandsFor(year, code);
  const period = ukTaxPeriod(context.period.frequency, year, context.payDate);
  const money = (pence: bigint | number) => formatMoney(pence, context.currency);
  // Week 53 (and 54, 56) payments are always taxed on the week 1 basis.
  const isCumulative = !code.isNonCumulative && period.number <= 52;
  const n = isCumulative ? period.number : period.span;
  const periodWord = period.base === 12 ? "month" : "week";

  const pay = BigInt(context.taxablePay);
  const earlier = rule.previousEmployment ?? { taxablePay: 0, tax: 0 };
  const payToDate = isCumulative ? BigInt(context.previous.taxablePay + earlier.taxablePay) + pay : pay;
  const taxBefore = isCumulative ? BigInt((context.previous.byCode[lineCode] ?? 0) + earlier.tax) : 0n;

  let due: bigint;
  let working: string;
  if (code.kind === "NT") {
    due = 0n;
    working = "code NT: no tax";
  } else if (code.kind === "BR" || code.kind === "D") {
    const index = year.incomeTax.basicRateIndex + (code.kind === "D" ? code.index + 1 : 0);
    const band = bands[Math.min(index, bands.length - 1)];
    due = flatRateTax(payToDate, band.ratePercent);
    working = `${money(payToDate)} (rounded down to the pound) at ${band.ratePercent}% = ${money(due)}`;
  } else {
    const adjustment = ukPayAdjustment(code.number, period.base) * BigInt(n);
    const taxable = code.kind === "K" ? payToDate + adjustment : payToDate - adjustment;
    due = ukTaxDueToDate(taxable, bands, n, period.base);
    const adjustmentWords = code.kind === "K" ? `plus additional pay ${money(adjustment)}` : `less free pay ${money(adjustment)}`;
    working = `${money(payToDate)} ${adjustmentWords} = taxable ${money(taxable > 0n ? floorDivide(taxable, 100n) * 100n : 0n)} (rounded down to the pound), tax ${money(due)}`;
  }
  let tax = due - taxBefore;
  const limit = pay > 0n ? floorDivide(pay * rateInUnits(year.incomeTax.regulatoryLimitPercent), UNITS) : 0n;
  let limitWords = "";
  if (tax > limit) {
    limitWords = `; limited to ${year.incomeTax.regulatoryLimitPercent}% of this period's pay (${money(tax)} due)`;
    tax = limit;
  }
  const basisWords = isCumulative
    ? `cumulative, ${periodWord} ${n}`
    : `${code.isNonCumulative ? "week 1/month 1 basis" : `${periodWord} ${period.number}, taxed on the week 1 basis`}${period.span > 1 ? ` (${period.span} weeks)` : ""}`;
  const before = isCumulative ? `, less ${money(taxBefore)} deducted before` : "";
  return [
    {
      code: lineCode,
      name: "Income tax (PAYE)",
      kind: "DEDUCTION",
      source: "TAX",
      amount: Number(tax),
      basis: `${year.label}, tax code ${code.text}, ${basisWords}: ${working}${before}${limitWords}`,
      rounding: "taxable pay down to the pound, tax down to the penny (HMRC PAYE tax table routines)",
      isTaxable: false,
      isContributable: false,
    },
  ];
}
