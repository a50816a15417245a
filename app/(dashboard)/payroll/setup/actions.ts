"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { actionError, fieldErrors, formValues, type FormState, parseForm } from "@/lib/forms";
import { saveEmployerSettings } from "@/lib/payroll/employer-settings";
import type { ComponentCalculation } from "@/lib/payroll/engine";
import { toMinorUnits } from "@/lib/payroll/format";
import { assignSalary, createPayComponent, createPaySchedule, createSalaryStructure, createTaxYear } from "@/lib/payroll/setup";
import { bracketRows, ZEmployerSettings, ZScheduleForm, ZTaxYearForm } from "@/lib/validations/payroll";

const code = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{0,39}$/, "Capital letters, digits and underscores, starting with a letter.");
const money = z.coerce.number({ error: "Enter an amount." }).min(0, "Enter an amount.").max(20_000_000, "That is too much.");
const toMinor = (amount: number) => Math.round(amount * 100);

const ZComponent = z.object({
  code,
  name: z.string().trim().min(1, "Name it.").max(80),
  kind: z.enum(["EARNING", "DEDUCTION", "EMPLOYER_CONTRIBUTION"]),
  type: z.enum(["FIXED", "PERCENT", "FORMULA"]),
  amount: z.string().optional(),
  percent: z.string().optional(),
  of: z.string().optional(),
  expression: z.string().max(500).optional(),
  isPreTax: z.string().optional(),
});

export async function createComponentAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("payroll:manage");
  const values = formValues(form);
  const input = ZComponent.safeParse(values);
  if (!input.success) return fieldErrors(input.error, values);
  const { type, amount, percent, of, expression } = input.data;
  let calculation: ComponentCalculation;
  if (type === "FIXED") {
    const parsed = money.safeParse(amount);
    if (!parsed.success) return { ok: false, message: "Please correct the highlighted fields.", fields: { amount: "Enter an amount." }, values };
    calculation = { type, amount: toMinor(parsed.data) };
  } else if (type === "PERCENT") calculation = { type, percent: percent?.trim() ?? "", of: of?.trim() || "GROSS" };
  else calculation = { type, expression: expression?.trim() ?? "" };
  try {
    await createPayComponent(user, {
      code: input.data.code,
      name: input.data.name,
      kind: input.data.kind,
      calculation,
      isPreTax: input.data.kind === "DEDUCTION" && values.isPreTax === "on",
    });
  } catch (error) {
    return actionError(onFormFields(error), values);
  }
  revalidatePath("/payroll/setup");
  return { ok: true, message: `${input.data.name} was created.` };
}

// The engine names a refused part of a component by its path in a structure
// ("components.0.calculation.percent"); the form's field is the last part of it.
function onFormFields(error: unknown): unknown {
  if (!(error instanceof AppError) || !error.fields) return error;
  const fields = Object.fromEntries(Object.entries(error.fields).map(([path, message]) => [path.split(".").at(-1)!, message]));
  return new AppError(error.code, error.message, fields);
}

export async function createStructureAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("payroll:manage");
  const values = formValues(form);
  const componentCodes = form.getAll("components").filter((value): value is string => typeof value === "string");
  // A refused form ticks again the components that were ticked.
  values.components = componentCodes.join(",");
  const input = z
    .object({ code, name: z.string().trim().min(1, "Name it.").max(80), currency: z.string().regex(/^[A-Z]{3}$/, "A currency code, like GBP.") })
    .safeParse(values);
  if (!input.success) return fieldErrors(input.error, values);
  if (componentCodes.length === 0) return { ok: false, message: "Choose at least one component.", fields: { components: "Choose at least one." }, values };
  try {
    await createSalaryStructure(user, { ...input.data, componentCodes });
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath("/payroll/setup");
  return { ok: true, message: `${input.data.name} was created.` };
}

const ZAssign = z.object({
  employeeId: z.string().min(1, "Choose an employee."),
  structureId: z.string().min(1, "Choose a structure."),
  scheduleId: z.string().min(1, "Choose a schedule."),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date."),
  annualBase: money,
  taxCode: z.string().trim().max(12).optional(),
});

export async function assignSalaryAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("payroll:manage");
  const values = formValues(form);
  const input = ZAssign.safeParse(values);
  if (!input.success) return fieldErrors(input.error, values);
  const { annualBase, taxCode, ...rest } = input.data;
  try {
    await assignSalary(user, { ...rest, baseAmount: toMinor(annualBase), basePer: "YEAR", taxCode: taxCode || null });
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath("/payroll/setup");
  return { ok: true, message: `Assigned from ${input.data.effectiveFrom}.` };
}

const FREQUENCY_WORDS: Record<string, string> = { MONTHLY: "monthly", SEMI_MONTHLY: "twice a month", BI_WEEKLY: "every two weeks", WEEKLY: "weekly" };

export async function createScheduleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("payroll:manage");
  const parsed = parseForm(form, ZScheduleForm);
  if (!parsed.ok) return parsed.state;
  try {
    await createPaySchedule(user, parsed.data);
  } catch (error) {
    return actionError(error, parsed.values);
  }
  revalidatePath("/payroll", "layout");
  return { ok: true, message: `${parsed.data.name} was created: people on it are paid ${FREQUENCY_WORDS[parsed.data.frequency]}.` };
}

// Amounts are typed in major units a year; brackets are rows of an upper bound and a rate.
export async function createTaxYearAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("payroll:manage");
  const values = formValues(form);
  const input = ZTaxYearForm.safeParse({ ...values, brackets: bracketRows(values) });
  if (!input.success) return fieldErrors(input.error, values);
  const { allowance, brackets, ...rest } = input.data;
  try {
    await createTaxYear(user, {
      ...rest,
      allowance: toMinorUnits(allowance),
      brackets: brackets.map((bracket) => ({ upTo: bracket.upTo === null ? null : toMinorUnits(bracket.upTo), ratePercent: bracket.ratePercent })),
    });
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath("/payroll/setup");
  return { ok: true, message: `${input.data.name} (${input.data.startsOn} to ${input.data.endsOn}) was created.` };
}

export async function saveEmployerAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("payroll:manage");
  const parsed = parseForm(form, ZEmployerSettings);
  if (!parsed.ok) return parsed.state;
  try {
    await saveEmployerSettings(user, parsed.data);
  } catch (error) {
    return actionError(error, parsed.values);
  }
  revalidatePath("/payroll/setup");
  return { ok: true, message: parsed.data.iban ? "Saved. Bank files pay from this account." : "Saved. Add an IBAN to make SEPA files." };
}
