import { type IsoDate } from "../dates";

// UK PAYE and Class 1 NI figures for one tax year, in the shape HMRC's "Specification for PAYE
// Tax Table Routines" uses: income tax bands as widths in whole pounds above the tax-free pay
// (the last unbounded), NI thresholds per week and per month in pence as HMRC publishes them
// (the monthly figures are HMRC's own roundings, not the annual figure / 12).
export type UkBand = { widthPounds: number | null; ratePercent: string };

export type NiThresholds = { lel: number; pt: number; st: number; uel: number; ust: number };

export type UkTaxYear = {
  label: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  incomeTax: {
    // England and Northern Ireland; Wales (C codes) when its rates are known for the year.
    rest: readonly UkBand[];
    wales: readonly UkBand[] | null;
    basicRateIndex: number; // the band BR codes use; D0 is the next, D1 the one after
    regulatoryLimitPercent: string; // tax deducted in a period never exceeds this share of its pay
  };
  nationalInsurance: {
    weekly: NiThresholds;
    monthly: NiThresholds;
    employeeMainPercent: string; // PT to UEL
    employeeUpperPercent: string; // above UEL
    employerPercent: string; // above ST (or UST for categories H, M)
  };
};

// 2026-27, 6 April 2026 to 5 April 2027. Sources (read 2026; see the test file for the
// examples these figures reproduce):
// - Income tax: basic 20% on the first £37,700 above the personal allowance, higher 40% to
//   £125,140, additional 45% above; personal allowance £12,570, code 1257L, frozen since April
//   2024 (PayFit, "Payroll rates and thresholds for the 2026/2027 tax year"; Moneysoft, "New for
//   2026-27": "NO uplifts of tax codes for tax year 2026-27 ... remains at 1257L"). Bandwidths
//   37,700 and 87,440 (= 125,140 - 37,700) as in HMRC's PAYE tax table routines v24.0 Appendix A.
// - Wales: the same bands, as transcribed from v24.0 Appendix C by a public implementation;
//   the Welsh rates are set by the Senedd each January and were not confirmed from an HMRC page.
// - Class 1 NI: LEL £129/week £559/month, PT £242/£1,048, ST £96/£417, UEL and UST £967/£4,189;
//   employee 8% PT-UEL and 2% above; employer 15% above ST (paypacket.io "NI rates and thresholds
//   2026/27"; Delphini Accounting NI tables 2026/27 give the same annual figures; PayFit "Lower
//   Earnings Limit": LEL rising from £125 to £129 a week, ST frozen at £5,000).
// - Regulatory limit 50% of pay: PAYE tax table routines (HMRC test data notes, 2008).
// Not confirmed from GOV.UK's own "Rates and thresholds for employers 2026 to 2027" page, which
// was not among the sources that could be read; every figure agrees across the sources above.
const REST_OF_UK_2026: readonly UkBand[] = [
  { widthPounds: 37_700, ratePercent: "20" },
  { widthPounds: 87_440, ratePercent: "40" },
  { widthPounds: null, ratePercent: "45" },
];

export const UK_2026_27: UkTaxYear = {
  label: "2026-27",
  startsOn: "2026-04-06",
  endsOn: "2027-04-05",
  incomeTax: { rest: REST_OF_UK_2026, wales: REST_OF_UK_2026, basicRateIndex: 0, regulatoryLimitPercent: "50" },
  nationalInsurance: {
    weekly: { lel: 12_900, pt: 24_200, st: 9_600, uel: 96_700, ust: 96_700 },
    monthly: { lel: 55_900, pt: 104_800, st: 41_700, uel: 418_900, ust: 418_900 },
    employeeMainPercent: "8",
    employeeUpperPercent: "2",
    employerPercent: "15",
  },
};

export const UK_TAX_YEARS: readonly UkTaxYear[] = [UK_2026_27];

export function findUkTaxYear(years: readonly UkTaxYear[], payDate: IsoDate): UkTaxYear | undefined {
  return years.find((year) => year.startsOn <= payDate && payDate <= year.endsOn);
}
