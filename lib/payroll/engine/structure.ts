import { invalid } from "./errors";
import { type Formula, parseFormula } from "./formula";
import { assertMinor, type Currency, findCurrency } from "./money";
import { parsePercent, type Ratio } from "./ratio";
import { DEFAULT_ROUNDING, type RoundingRule } from "./rounding";

// A salary structure is a set of pay components. Each component is an earning (adds to gross),
// a deduction (comes off net) or an employer contribution (costs the employer, not on net), and
// is worked out one of four ways. Amounts are per full pay period, in minor units.
export type ComponentKind = "EARNING" | "DEDUCTION" | "EMPLOYER_CONTRIBUTION";

export type ComponentCalculation =
  // The employee's base pay from their assignment, prorated by days (at most one per structure).
  | { type: "BASE_PAY" }
  | { type: "FIXED"; amount: number }
  // `percent` is a decimal string ("12.5"); `of` is another component's code or GROSS.
  | { type: "PERCENT"; percent: string; of: string }
  // See formula.ts. Names: other components' codes and the variables in FORMULA_VARIABLES.
  | { type: "FORMULA"; expression: string };

export type ComponentDefinition = {
  code: string;
  name: string;
  kind: ComponentKind;
  calculation: ComponentCalculation;
  // Earnings: counted in taxable pay and in pay subject to social contributions (NI); both default true.
  isTaxable?: boolean;
  isContributable?: boolean;
  // Deductions: taken off taxable pay before tax (a net-pay pension) / off contributable pay
  // (salary sacrifice); both default false.
  isPreTax?: boolean;
  isPreContribution?: boolean;
  // FIXED and FORMULA amounts scaled by paid days / days in the period. Defaults to true for a
  // FIXED earning (an allowance is prorated for joiners, leavers and unpaid leave), false otherwise.
  prorate?: boolean;
  // Caps bound the period's amount after proration and rounding; a cap that bites is its own line.
  min?: number;
  max?: number;
  rounding?: RoundingRule;
};

export type SalaryStructure = { code: string; name: string; currency: string; components: ComponentDefinition[] };

// Names a formula may use besides component codes. Days are in the proration basis's units.
export const FORMULA_VARIABLES = {
  GROSS: "all earnings this period, one-off additions included (not in earnings' formulas)",
  PERIOD_DAYS: "days in the pay period",
  EMPLOYED_DAYS: "days of the period the person was employed",
  PAID_DAYS: "employed days less unpaid leave and absences",
  UNPAID_LEAVE_DAYS: "unpaid leave days in the period",
  ABSENCE_DAYS: "unpaid absence days in the period",
  ANNUAL_BASE: "annual base pay in force at the end of the period",
  PERIOD_BASE: "base pay for a full period at the rate in force at the end of the period",
} as const;

export type CompiledComponent = {
  definition: ComponentDefinition;
  path: string;
  percent: Ratio | null;
  formula: Formula | null;
  isProrated: boolean;
  rounding: RoundingRule;
  // Components (and GROSS) this one needs first.
  dependsOn: string[];
};

export type CompiledStructure = {
  structure: SalaryStructure;
  currency: Currency;
  components: CompiledComponent[];
  // Evaluation order: every code after what it depends on; includes GROSS when anything uses it.
  order: string[];
  byCode: ReadonlyMap<string, CompiledComponent>;
};

const CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

function compileComponent(definition: ComponentDefinition, index: number): CompiledComponent {
  const path = `components.${definition.code || index}`;
  if (!CODE.test(definition.code ?? ""))
    throw invalid(`${path}.code`, `A component code is 1-40 capital letters, digits or underscores, starting with a letter (got "${definition.code}").`);
  if (Object.hasOwn(FORMULA_VARIABLES, definition.code)) throw invalid(`${path}.code`, `${definition.code} is a reserved name.`);
  if (definition.min !== undefined) assertMinor(definition.min, `${path}.min`);
  if (definition.max !== undefined) assertMinor(definition.max, `${path}.max`);
  if (definition.min !== undefined && definition.max !== undefined && definition.min > definition.max)
    throw invalid(`${path}.max`, `${definition.code}: the maximum is below the minimum.`);
  const { calculation } = definition;
  let percent: Ratio | null = null;
  let formula: Formula | null = null;
  let dependsOn: string[] = [];
  switch (calculation.type) {
    case "BASE_PAY":
      if (definition.kind !== "EARNING") throw invalid(`${path}.kind`, `${definition.code}: base pay is an earning.`);
      break;
    case "FIXED":
      assertMinor(calculation.amount, `${path}.calculation.amount`);
      break;
    case "PERCENT":
      try {
        percent = parsePercent(calculation.percent);
      } catch {
        throw invalid(`${path}.calculation.percent`, `${definition.code}: "${calculation.percent}" is not a percentage.`);
      }
      dependsOn = [calculation.of];
      break;
    case "FORMULA":
      formula = parseFormula(calculation.expression, `${path}.calculation.expression`);
      dependsOn = [...formula.references].filter((name) => name === "GROSS" || !Object.hasOwn(FORMULA_VARIABLES, name));
      break;
    default:
      throw invalid(`${path}.calculation`, `${definition.code}: unknown calculation type.`);
  }
  const isProrated = definition.prorate ?? (calculation.type === "FIXED" && definition.kind === "EARNING");
  if (isProrated && calculation.type !== "FIXED" && calculation.type !== "FORMULA")
    throw invalid(
      `${path}.prorate`,
      `${definition.code}: only fixed and formula amounts are prorated (base pay always is; a percentage follows what it is a percentage of).`,
    );
  return { definition, path, percent, formula, isProrated, rounding: definition.rounding ?? DEFAULT_ROUNDING, dependsOn };
}

// Depth-first ordering that names the cycle it finds: "BONUS -> GROSS -> BONUS".
function orderComponents(components: CompiledComponent[]): string[] {
  const edges = new Map<string, string[]>(components.map((component) => [component.definition.code, component.dependsOn]));
  edges.set(
    "GROSS",
    components.filter((component) => component.definition.kind === "EARNING").map((component) => component.definition.code),
  );
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (code: string, trail: string[]) => {
    if (state.get(code) === "done") return;
    if (state.get(code) === "visiting") {
      const cycle = [...trail.slice(trail.indexOf(code)), code];
      const first =
        components.find((component) => component.definition.code === cycle[0]) ?? components.find((component) => component.definition.code === cycle[1])!;
      throw invalid(`${first.path}.calculation`, `Components depend on each other in a cycle: ${cycle.join(" -> ")}.`);
    }
    state.set(code, "visiting");
    for (const next of edges.get(code) ?? []) visit(next, [...trail, code]);
    state.set(code, "done");
    order.push(code);
  };
  const usesGross = components.some((component) => component.dependsOn.includes("GROSS"));
  for (const component of components) visit(component.definition.code, []);
  return usesGross ? order : order.filter((code) => code !== "GROSS");
}

export function compileStructure(structure: SalaryStructure): CompiledStructure {
  const currency = findCurrency(structure.currency);
  if (!Array.isArray(structure.components)) throw invalid("components", "A structure needs a list of components.");
  const components = structure.components.map(compileComponent);
  const byCode = new Map<string, CompiledComponent>();
  for (const component of components) {
    if (byCode.has(component.definition.code)) throw invalid(`${component.path}.code`, `Two components have the code ${component.definition.code}.`);
    byCode.set(component.definition.code, component);
  }
  if (components.filter((component) => component.definition.calculation.type === "BASE_PAY").length > 1)
    throw invalid("components", "A structure has at most one base pay component.");
  for (const component of components) {
    for (const name of component.dependsOn) {
      if (name !== "GROSS" && !byCode.has(name)) {
        const field = component.definition.calculation.type === "PERCENT" ? "of" : "expression";
        throw invalid(
          `${component.path}.calculation.${field}`,
          `${component.definition.code} refers to ${name}, which is neither a component of this structure nor one of ${Object.keys(FORMULA_VARIABLES).join(", ")}.`,
        );
      }
    }
  }
  return { structure, currency, components, order: orderComponents(components), byCode };
}

const compiled = new WeakMap<SalaryStructure, CompiledStructure>();

// A structure is compiled once however many employees share it; the cache cannot change a
// result, only skip repeating the same validation.
export function compileStructureOnce(structure: SalaryStructure): CompiledStructure {
  let result = compiled.get(structure);
  if (!result) {
    result = compileStructure(structure);
    compiled.set(structure, result);
  }
  return result;
}
