import "server-only";
import { asUser } from "@/lib/auth/actor";
import { db, withTransaction } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { fromIsoDate, type IsoDate } from "@/lib/leave/dates";
import { prismaCode } from "@/lib/prisma-errors";
import { COMPONENT_SELECT, toComponentDefinition } from "./definitions";
import { compileStructure, type ComponentDefinition, type PayFrequency, parseUkTaxCode, type TaxBracket } from "./engine";
import { assertNotOwnPay } from "./own-pay";
import { type PayrollUser, requirePayroll } from "./run-access";

// Setting payroll up: components, structures (checked by the engine before they are stored),
// schedules, tax years and each employee's assignment. All payroll:manage, all audited.
function alreadyExists(what: string) {
  return (error: unknown): never => {
    if (prismaCode(error) === "P2002") throw new AppError("conflict", `${what} with that code already exists.`, { code: "already in use" });
    throw error;
  };
}

export async function createPayComponent(user: PayrollUser, definition: ComponentDefinition) {
  requirePayroll(user);
  compileStructure({ code: "CHECK", name: "Check", currency: "GBP", components: [definition, ...placeholdersFor(definition)] });
  return asUser(user, () =>
    db.payComponent.create({
      data: {
        code: definition.code,
        name: definition.name,
        kind: definition.kind,
        calculation: JSON.stringify(definition.calculation),
        isTaxable: definition.isTaxable ?? true,
        isContributable: definition.isContributable ?? true,
        isPreTax: definition.isPreTax ?? false,
        isPreContribution: definition.isPreContribution ?? false,
        prorate: definition.prorate ?? null,
        minAmount: definition.min ?? null,
        maxAmount: definition.max ?? null,
        rounding: definition.rounding ? JSON.stringify(definition.rounding) : null,
      },
      select: { id: true },
    }),
  ).catch(alreadyExists("A component"));
}

// A component alone may refer to others (a percentage of BASIC); stand-ins let it be checked alone.
function placeholdersFor(definition: ComponentDefinition): ComponentDefinition[] {
  const names =
    definition.calculation.type === "PERCENT"
      ? [definition.calculation.of]
      : definition.calculation.type === "FORMULA"
        ? (definition.calculation.expression.match(/\b[A-Z][A-Z0-9_]*\b/g) ?? [])
        : [];
  const reserved = new Set([
    "GROSS",
    "PERIOD_DAYS",
    "EMPLOYED_DAYS",
    "PAID_DAYS",
    "UNPAID_LEAVE_DAYS",
    "ABSENCE_DAYS",
    "ANNUAL_BASE",
    "PERIOD_BASE",
    definition.code,
  ]);
  return [...new Set(names)]
    .filter((name) => !reserved.has(name))
    .map((code) => ({ code, name: code, kind: "EARNING" as const, calculation: { type: "FIXED" as const, amount: 0 } }));
}

export async function createSalaryStructure(user: PayrollUser, input: { code: string; name: string; currency: string; componentCodes: string[] }) {
  requirePayroll(user);
  const components = await db.payComponent.findMany({ where: { code: { in: input.componentCodes } }, select: { id: true, ...COMPONENT_SELECT } });
  const missing = input.componentCodes.filter((code) => !components.some((component) => component.code === code));
  if (missing.length)
    throw new AppError("validation_failed", `No component has the code ${missing.join(", ")}.`, { componentCodes: `Unknown: ${missing.join(", ")}` });
  const ordered = input.componentCodes.map((code) => components.find((component) => component.code === code)!);
  compileStructure({ code: input.code, name: input.name, currency: input.currency, components: ordered.map(toComponentDefinition) });
  return asUser(user, () =>
    withTransaction(async (tx) => {
      const structure = await tx.salaryStructure.create({ data: { code: input.code, name: input.name, currency: input.currency }, select: { id: true } });
      await tx.salaryStructureComponent.createMany({
        data: ordered.map((component, position) => ({ structureId: structure.id, componentId: component.id, position })),
      });
      return structure;
    }),
  ).catch(alreadyExists("A structure"));
}

export type ScheduleInput = {
  code: string;
  name: string;
  frequency: PayFrequency;
  anchorDate?: IsoDate | null;
  prorationBasis?: "CALENDAR_DAYS" | "WORKING_DAYS";
  taxRules?: "UK" | "BRACKETS" | "NONE";
  taxYearStart?: string;
  deductAbsences?: boolean;
  flagChangePercent?: number;
};

export async function createPaySchedule(user: PayrollUser, input: ScheduleInput) {
  requirePayroll(user);
  if ((input.frequency === "WEEKLY" || input.frequency === "BI_WEEKLY") && !input.anchorDate) {
    throw new AppError("validation_failed", "A weekly or bi-weekly schedule needs the first day of one of its periods.", {
      anchorDate: "Required for this frequency.",
    });
  }
  return asUser(user, () =>
    db.paySchedule.create({ data: { ...input, anchorDate: input.anchorDate ? fromIsoDate(input.anchorDate) : null }, select: { id: true } }),
  ).catch(alreadyExists("A schedule"));
}

export async function createTaxYear(
  user: PayrollUser,
  input: {
    code: string;
    name: string;
    startsOn: IsoDate;
    endsOn: IsoDate;
    allowance?: number;
    method?: "CUMULATIVE" | "NON_CUMULATIVE" | "ANNUALISED";
    brackets: TaxBracket[];
  },
) {
  requirePayroll(user);
  if (input.brackets.length === 0 || input.brackets.at(-1)!.upTo !== null)
    throw new AppError("validation_failed", "The last bracket has no upper bound.", { brackets: "The last bracket has no upper bound." });
  if (input.endsOn <= input.startsOn) throw new AppError("validation_failed", "A tax year ends after it starts.", { endsOn: "Choose a day after the start." });
  const bounds = input.brackets.slice(0, -1).map((bracket) => bracket.upTo!);
  if (bounds.some((upTo, index) => !Number.isSafeInteger(upTo) || upTo <= 0 || (index > 0 && upTo <= bounds[index - 1])))
    throw new AppError("validation_failed", "Each bracket's upper bound is above the one before.", { brackets: "Each upper bound is above the one before." });
  if (input.brackets.some((bracket) => !/^\d{1,3}(\.\d{1,4})?$/.test(bracket.ratePercent) || Number(bracket.ratePercent) > 100))
    throw new AppError("validation_failed", "A rate is a percentage from 0 to 100, like 20 or 12.5.", { brackets: "A rate is a percentage, like 20 or 12.5." });
  return asUser(user, () =>
    withTransaction(async (tx) => {
      const year = await tx.taxYear.create({
        data: {
          code: input.code,
          name: input.name,
          startsOn: fromIsoDate(input.startsOn),
          endsOn: fromIsoDate(input.endsOn),
          allowance: input.allowance ?? 0,
          method: input.method ?? "CUMULATIVE",
        },
        select: { id: true },
      });
      await tx.taxBracket.createMany({
        data: input.brackets.map((bracket, position) => ({ taxYearId: year.id, position, upTo: bracket.upTo, ratePercent: bracket.ratePercent })),
      });
      return year;
    }),
  ).catch(alreadyExists("A tax year"));
}

// A new assignment from `effectiveFrom`: the history stays, so a raise mid-period is prorated.
export async function assignSalary(
  user: PayrollUser,
  input: {
    employeeId: string;
    structureId: string;
    scheduleId: string;
    effectiveFrom: IsoDate;
    baseAmount: number;
    basePer?: "YEAR" | "MONTH";
    taxCode?: string | null;
    niCategory?: string | null;
    note?: string | null;
  },
) {
  requirePayroll(user);
  assertNotOwnPay(user, input.employeeId);
  if (!Number.isSafeInteger(input.baseAmount) || input.baseAmount < 0)
    throw new AppError("validation_failed", "Base pay is a whole number of minor units.", { baseAmount: "Enter a whole amount." });
  if (input.taxCode) parseUkTaxCode(input.taxCode);
  const [employee, structure, schedule] = await Promise.all([
    db.employee.findUnique({ where: { id: input.employeeId }, select: { id: true } }),
    db.salaryStructure.findUnique({ where: { id: input.structureId }, select: { id: true } }),
    db.paySchedule.findUnique({ where: { id: input.scheduleId }, select: { id: true } }),
  ]);
  if (!employee) throw notFound("That employee");
  if (!structure) throw notFound("That salary structure");
  if (!schedule) throw notFound("That pay schedule");
  return asUser(user, () =>
    db.salaryAssignment.create({ data: { ...input, basePer: input.basePer ?? "YEAR", effectiveFrom: fromIsoDate(input.effectiveFrom) }, select: { id: true } }),
  );
}
