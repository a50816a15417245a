import { assertMinor } from "./money";
import { type IsoDate } from "./dates";
import { invalid } from "./errors";
import { type PayslipLine, type PayslipTotals } from "./lines";

// Year-to-date figures: the caller passes those up to the previous period of the same tax year
// (none for the first), and gets them back with this period added. Cumulative tax needs them.
export type YearToDate = PayslipTotals & {
  taxYearStartsOn: IsoDate;
  byCode: Readonly<Record<string, number>>; // the sum of every line with that code
};

export function emptyYearToDate(taxYearStartsOn: IsoDate): YearToDate {
  return { taxYearStartsOn, gross: 0, taxablePay: 0, contributablePay: 0, totalDeductions: 0, net: 0, employerContributions: 0, employerCost: 0, byCode: {} };
}

export function checkYearToDate(previous: YearToDate | null | undefined, taxYearStartsOn: IsoDate): YearToDate {
  if (!previous) return emptyYearToDate(taxYearStartsOn);
  if (previous.taxYearStartsOn !== taxYearStartsOn) {
    throw invalid(
      "yearToDate.taxYearStartsOn",
      `The year-to-date figures are for the tax year starting ${previous.taxYearStartsOn}, but this payment falls in the one starting ${taxYearStartsOn}.`,
    );
  }
  for (const key of ["gross", "taxablePay", "contributablePay", "totalDeductions", "net", "employerContributions", "employerCost"] as const)
    assertMinor(previous[key], `yearToDate.${key}`);
  for (const [code, amount] of Object.entries(previous.byCode)) assertMinor(amount, `yearToDate.byCode.${code}`);
  return previous;
}

export function addToYearToDate(previous: YearToDate, totals: PayslipTotals, lines: readonly PayslipLine[]): YearToDate {
  const byCode: Record<string, number> = { ...previous.byCode };
  for (const line of lines) byCode[line.code] = (byCode[line.code] ?? 0) + line.amount;
  return {
    taxYearStartsOn: previous.taxYearStartsOn,
    gross: previous.gross + totals.gross,
    taxablePay: previous.taxablePay + totals.taxablePay,
    contributablePay: previous.contributablePay + totals.contributablePay,
    totalDeductions: previous.totalDeductions + totals.totalDeductions,
    net: previous.net + totals.net,
    employerContributions: previous.employerContributions + totals.employerContributions,
    employerCost: previous.employerCost + totals.employerCost,
    byCode,
  };
}
