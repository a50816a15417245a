import { invalid } from "../errors";
import { type PayslipLine } from "../lines";
import { formatMoney } from "../money";
import { makeRatio, parsePercent, type Ratio } from "../ratio";
import { divideRounded } from "../rounding";
import { type TaxContext } from "../tax-context";
import { findUkTaxYear, type NiThresholds, type UkTaxYear, UK_TAX_YEARS } from "./tax-years";

// Class 1 National Insurance by the exact percentage method, on this period's pay subject to
// contributions against the period's thresholds (no cumulation for employees who are not
// directors). Employee and employer contributions are worked out separately and each rounded to
// the nearest penny, a half-penny or less disregarded (SSCR 2001 reg 12(1); HMRC NIM11002).
// Categories: A (standard), C (over State Pension age: no employee NI), H and M (apprentice under
// 25 and under 21: employer 0% up to the upper secondary threshold).
export type NiCategory = "A" | "C" | "H" | "M";

export type UkNiRule = {
  type: "UK_NI";
  category: NiCategory;
  employeeCode?: string; // "NI" by default
  employerCode?: string; // "ER_NI" by default
  years?: readonly UkTaxYear[];
};

function thresholdsFor(year: UkTaxYear, frequency: string): { thresholds: NiThresholds; words: string } {
  const ni = year.nationalInsurance;
  if (frequency === "MONTHLY") return { thresholds: ni.monthly, words: "monthly" };
  const weeks = frequency === "WEEKLY" ? 1 : frequency === "BI_WEEKLY" ? 2 : 0;
  if (!weeks) throw invalid("period.frequency", "UK NI has weekly and monthly earnings periods; a semi-monthly payroll cannot use this preset.");
  const scale = (value: number) => value * weeks;
  const weekly = ni.weekly;
  return {
    thresholds: { lel: scale(weekly.lel), pt: scale(weekly.pt), st: scale(weekly.st), uel: scale(weekly.uel), ust: scale(weekly.ust) },
    words: weeks === 1 ? "weekly" : `${weeks}-weekly`,
  };
}

// Pay between `lower` and `upper` (null: no upper), in pence.
function slice(pay: number, lower: number, upper: number | null): number {
  const top = upper === null ? pay : Math.min(pay, upper);
  return Math.max(0, top - lower);
}

type Part = { pence: number; rate: Ratio; words: string };

function total(parts: Part[]): bigint {
  let n = 0n;
  let d = 1n;
  for (const part of parts) {
    const value = makeRatio(BigInt(part.pence) * part.rate.n, part.rate.d);
    n = n * value.d + value.n * d;
    d *= value.d;
  }
  // Nearest penny; exactly half a penny is disregarded.
  return divideRounded(n, d, "HALF_DOWN");
}

export function calculateUkNi(rule: UkNiRule, context: TaxContext): PayslipLine[] {
  const year = findUkTaxYear(rule.years ?? UK_TAX_YEARS, context.payDate);
  if (!year) throw invalid("payDate", `No UK tax year is configured for a payment on ${context.payDate}.`);
  if (!["A", "C", "H", "M"].includes(rule.category)) throw invalid("taxes.UK_NI.category", `NI category ${rule.category} is not supported (A, C, H, M are).`);
  const { thresholds: t, words } = thresholdsFor(year, context.period.frequency);
  const ni = year.nationalInsurance;
  const money = (pence: number | bigint) => formatMoney(pence, context.currency);
  const pay = Math.max(0, context.contributablePay);
  const main = parsePercent(ni.employeeMainPercent);
  const upper = parsePercent(ni.employeeUpperPercent);
  const employerRate = parsePercent(ni.employerPercent);

  const employeeParts: Part[] =
    rule.category === "C"
      ? []
      : [
          {
            pence: slice(pay, t.pt, t.uel),
            rate: main,
            words: `${ni.employeeMainPercent}% of ${money(slice(pay, t.pt, t.uel))} between PT ${money(t.pt)} and UEL ${money(t.uel)}`,
          },
          { pence: slice(pay, t.uel, null), rate: upper, words: `${ni.employeeUpperPercent}% of ${money(slice(pay, t.uel, null))} above UEL` },
        ];
  const employerFloor = rule.category === "H" || rule.category === "M" ? t.ust : t.st;
  const employerParts: Part[] = [
    {
      pence: slice(pay, employerFloor, null),
      rate: employerRate,
      words: `${ni.employerPercent}% of ${money(slice(pay, employerFloor, null))} above ${employerFloor === t.st ? "ST" : "UST"} ${money(employerFloor)}`,
    },
  ];
  const intro = `${year.label}, category ${rule.category}, ${words} thresholds, NI-able pay ${money(pay)}`;
  const rounding = "nearest penny, a half-penny rounded down (exact percentage method)";
  return [
    {
      code: rule.employeeCode ?? "NI",
      name: "National Insurance",
      kind: "DEDUCTION",
      source: "TAX",
      amount: Number(total(employeeParts)),
      basis: `${intro}: ${employeeParts.length ? employeeParts.map((part) => part.words).join(" + ") : "no employee contributions in category C"}`,
      rounding,
      isTaxable: false,
      isContributable: false,
    },
    {
      code: rule.employerCode ?? "ER_NI",
      name: "Employer National Insurance",
      kind: "EMPLOYER_CONTRIBUTION",
      source: "TAX",
      amount: Number(total(employerParts)),
      basis: `${intro}: ${employerParts.map((part) => part.words).join(" + ")}`,
      rounding,
      isTaxable: false,
      isContributable: false,
    },
  ];
}
