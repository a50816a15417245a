import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fromIsoDate, type IsoDate, toIsoDate } from "@/lib/leave/dates";
import { readSetting } from "@/lib/settings/settings";
import {
  type ComponentDefinition,
  type NiCategory,
  type PayrollSettings,
  type ProgressiveTaxRule,
  type ProrationBasis,
  type RoundingRule,
  type SalaryStructure,
  type TaxRule,
  ukTaxRules,
} from "./engine";

// From stored rows to the engine's definitions: structures, settings and tax rules. Loaded once
// per run, shared by every employee in it.
type ComponentRow = {
  code: string;
  name: string;
  kind: ComponentDefinition["kind"];
  calculation: string;
  isTaxable: boolean;
  isContributable: boolean;
  isPreTax: boolean;
  isPreContribution: boolean;
  prorate: boolean | null;
  minAmount: number | null;
  maxAmount: number | null;
  rounding: string | null;
};

export const COMPONENT_SELECT = {
  code: true,
  name: true,
  kind: true,
  calculation: true,
  isTaxable: true,
  isContributable: true,
  isPreTax: true,
  isPreContribution: true,
  prorate: true,
  minAmount: true,
  maxAmount: true,
  rounding: true,
} as const;

export function toComponentDefinition(row: ComponentRow): ComponentDefinition {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    calculation: JSON.parse(row.calculation) as ComponentDefinition["calculation"],
    isTaxable: row.isTaxable,
    isContributable: row.isContributable,
    isPreTax: row.isPreTax,
    isPreContribution: row.isPreContribution,
    ...(row.prorate === null ? {} : { prorate: row.prorate }),
    ...(row.minAmount === null ? {} : { min: row.minAmount }),
    ...(row.maxAmount === null ? {} : { max: row.maxAmount }),
    ...(row.rounding ? { rounding: JSON.parse(row.rounding) as RoundingRule } : {}),
  };
}

export async function loadStructures(ids: string[]): Promise<Map<string, SalaryStructure>> {
  const rows = await db.salaryStructure.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      code: true,
      name: true,
      currency: true,
      components: { select: { position: true, component: { select: COMPONENT_SELECT } }, orderBy: { position: "asc" } },
    },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        code: row.code,
        name: row.name,
        currency: row.currency,
        components: row.components.map((item) => toComponentDefinition(item.component as ComponentRow)),
      },
    ]),
  );
}

export type ScheduleRow = {
  id: string;
  prorationBasis: string;
  taxRules: string;
  taxYearStart: string;
  deductAbsences: boolean;
  flagChangePercent: number;
};

export type Calendar = { workWeek: number[]; holidays: Map<IsoDate, { isHalfDay: boolean }> };

export async function loadCalendar(from: IsoDate, to: IsoDate): Promise<Calendar> {
  const [workWeek, holidays] = await Promise.all([
    readSetting("work-week"),
    db.holiday.findMany({ where: { date: { gte: fromIsoDate(from), lte: fromIsoDate(to) } }, select: { date: true, isHalfDay: true } }),
  ]);
  return { workWeek: workWeek.days, holidays: new Map(holidays.map((holiday) => [toIsoDate(holiday.date), { isHalfDay: holiday.isHalfDay }])) };
}

export function payrollSettings(schedule: ScheduleRow, calendar: Calendar): PayrollSettings {
  const basis = schedule.prorationBasis as ProrationBasis;
  // A half-day holiday is still a working day for pay: only whole-day holidays leave the count.
  const holidays = [...calendar.holidays].filter(([, holiday]) => !holiday.isHalfDay).map(([date]) => date);
  return {
    proration: basis === "WORKING_DAYS" ? { basis, workWeek: calendar.workWeek, holidays } : { basis: "CALENDAR_DAYS" },
    taxYearStart: schedule.taxYearStart,
  };
}

// Progressive taxes configured as tax years with brackets: one rule per tax code.
export async function loadBracketRules(): Promise<ProgressiveTaxRule[]> {
  const years = await db.taxYear.findMany({
    select: {
      code: true,
      name: true,
      payer: true,
      base: true,
      method: true,
      startsOn: true,
      endsOn: true,
      allowance: true,
      brackets: { select: { upTo: true, ratePercent: true }, orderBy: { position: "asc" } },
    },
    orderBy: { startsOn: "asc" },
  });
  const rules = new Map<string, ProgressiveTaxRule>();
  for (const year of years) {
    const rule = rules.get(year.code) ?? {
      type: "PROGRESSIVE" as const,
      code: year.code,
      name: year.name,
      payer: year.payer as ProgressiveTaxRule["payer"],
      base: year.base as ProgressiveTaxRule["base"],
      method: year.method as ProgressiveTaxRule["method"],
      years: [],
      rounding: { mode: "HALF_UP" as const, step: 1 },
    };
    rule.years.push({ startsOn: toIsoDate(year.startsOn), endsOn: toIsoDate(year.endsOn), allowance: year.allowance, brackets: year.brackets });
    rules.set(year.code, rule);
  }
  return [...rules.values()];
}

export const DEFAULT_UK_TAX_CODE = "1257L";

export function taxRulesFor(
  schedule: ScheduleRow,
  assignment: { taxCode: string | null; niCategory: string | null },
  bracketRules: readonly ProgressiveTaxRule[],
): TaxRule[] {
  switch (schedule.taxRules) {
    case "UK":
      return ukTaxRules({ taxCode: assignment.taxCode ?? DEFAULT_UK_TAX_CODE, niCategory: (assignment.niCategory ?? "A") as NiCategory });
    case "BRACKETS":
      return [...bracketRules];
    case "NONE":
      return [];
    default:
      throw new AppError("validation_failed", `The pay schedule's tax rules "${schedule.taxRules}" are not known: use UK, BRACKETS or NONE.`);
  }
}
