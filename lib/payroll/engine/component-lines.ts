import { type PayslipLine } from "./lines";
import { type Currency, formatMoney } from "./money";
import { type PayPeriod } from "./pay-periods";
import { basisWords, describeBasePay, formatUnits, periodBasePay, type Proration, type Segment } from "./proration";
import { evaluateFormula } from "./formula";
import { formatRatio, makeRatio, multiplyRatio, type Ratio, ratioOf, ZERO } from "./ratio";
import { describeRounding, roundMinor } from "./rounding";
import { type CompiledComponent, type CompiledStructure } from "./structure";

// The lines of a structure's components for one period: base pay per stretch of days at one
// rate (and its unpaid days), fixed amounts, percentages and formulas, each rounded by its
// component's rule, then any cap that bites as a line of its own.
export type ComponentInput = {
  compiled: CompiledStructure;
  period: PayPeriod;
  proration: Proration;
  oneOffEarnings: number;
};

function makeLine(component: CompiledComponent, amount: number, basis: string, currency: Currency, source: PayslipLine["source"] = "COMPONENT"): PayslipLine {
  const { definition } = component;
  const isEarning = definition.kind === "EARNING";
  const isDeduction = definition.kind === "DEDUCTION";
  return {
    code: definition.code,
    name: definition.name,
    kind: definition.kind,
    source,
    amount,
    basis,
    rounding: source === "CAP" ? "none (a cap is a whole amount)" : describeRounding(component.rounding, currency.minorDigits),
    isTaxable: isEarning ? (definition.isTaxable ?? true) : isDeduction && (definition.isPreTax ?? false),
    isContributable: isEarning ? (definition.isContributable ?? true) : isDeduction && (definition.isPreContribution ?? false),
  };
}

function baseSegmentLines(component: CompiledComponent, segment: Segment, input: ComponentInput): PayslipLine[] {
  const { period, proration, compiled } = input;
  const { currency } = compiled;
  const full = periodBasePay(segment.basePay, period);
  const rate = describeBasePay(segment.basePay, period, currency);
  const days = basisWords(proration.basis);
  const of = `/${formatUnits(proration.periodUnits)} ${days}`;
  const isWholePeriod = segment.units === proration.periodUnits;
  const lines = [
    makeLine(
      component,
      roundMinor(multiplyRatio(full, makeRatio(BigInt(segment.units), BigInt(proration.periodUnits))), component.rounding),
      isWholePeriod ? rate : `${rate} x ${formatUnits(segment.units)}${of} (${segment.from} to ${segment.to})`,
      currency,
    ),
  ];
  for (const [label, unpaid] of [
    ["unpaid leave", segment.unpaidLeave],
    ["unpaid absence", segment.absence],
  ] as const) {
    if (unpaid.units === 0) continue;
    const amount = roundMinor(multiplyRatio(full, makeRatio(-BigInt(unpaid.units), BigInt(proration.periodUnits))), component.rounding);
    lines.push(makeLine(component, amount, `Less ${label}: ${rate} x ${formatUnits(unpaid.units)}${of} (${unpaid.dates.join(", ")})`, currency));
  }
  return lines;
}

function componentLines(
  component: CompiledComponent,
  input: ComponentInput,
  values: ReadonlyMap<string, number>,
  scope: ReadonlyMap<string, Ratio>,
): PayslipLine[] {
  const { proration, compiled } = input;
  const { currency } = compiled;
  const { calculation } = component.definition;
  const money = (minor: number) => formatMoney(minor, currency);
  const paid = makeRatio(BigInt(proration.paidUnits), BigInt(proration.periodUnits));
  const prorated = ` x ${formatUnits(proration.paidUnits)}/${formatUnits(proration.periodUnits)} ${basisWords(proration.basis)} paid`;
  switch (calculation.type) {
    case "BASE_PAY":
      if (proration.segments.length === 0) return [makeLine(component, 0, "Not employed in this period", currency)];
      return proration.segments.flatMap((segment) => baseSegmentLines(component, segment, input));
    case "FIXED": {
      const exact = multiplyRatio(ratioOf(calculation.amount), component.isProrated ? paid : makeRatio(1n));
      return [
        makeLine(component, roundMinor(exact, component.rounding), `${money(calculation.amount)} a period${component.isProrated ? prorated : ""}`, currency),
      ];
    }
    case "PERCENT": {
      const of = values.get(calculation.of) ?? 0;
      return [
        makeLine(
          component,
          roundMinor(multiplyRatio(ratioOf(of), component.percent!), component.rounding),
          `${calculation.percent}% of ${calculation.of} ${money(of)}`,
          currency,
        ),
      ];
    }
    case "FORMULA": {
      const result = evaluateFormula(component.formula!, scope, `${component.path}.calculation.expression`);
      const minor = multiplyRatio(result, ratioOf(10 ** currency.minorDigits));
      const exact = component.isProrated ? multiplyRatio(minor, paid) : minor;
      return [
        makeLine(
          component,
          roundMinor(exact, component.rounding),
          `${calculation.expression} = ${formatRatio(result, 4)} ${currency.code}${component.isProrated ? prorated : ""}`,
          currency,
        ),
      ];
    }
  }
}

function capLine(component: CompiledComponent, total: number, currency: Currency): PayslipLine | null {
  const { min, max } = component.definition;
  const money = (minor: number) => formatMoney(minor, currency);
  if (max !== undefined && total > max)
    return makeLine(component, max - total, `Capped at the maximum ${money(max)} (worked out ${money(total)})`, currency, "CAP");
  if (min !== undefined && total < min)
    return makeLine(component, min - total, `Raised to the minimum ${money(min)} (worked out ${money(total)})`, currency, "CAP");
  return null;
}

function formulaScope(input: ComponentInput): Map<string, Ratio> {
  const { proration, period, compiled } = input;
  const days = (units: number) => makeRatio(BigInt(units), 2n);
  const last = proration.segments.at(-1)?.basePay;
  const scale = 10n ** BigInt(compiled.currency.minorDigits);
  const periodBase = last ? multiplyRatio(periodBasePay(last, period), makeRatio(1n, scale)) : ZERO;
  const annualBase = last ? makeRatio(BigInt(last.amount) * (last.per === "MONTH" ? 12n : 1n), scale) : ZERO;
  return new Map<string, Ratio>([
    ["PERIOD_DAYS", days(proration.periodUnits)],
    ["EMPLOYED_DAYS", days(proration.employedUnits)],
    ["PAID_DAYS", days(proration.paidUnits)],
    ["UNPAID_LEAVE_DAYS", days(proration.unpaidLeaveUnits)],
    ["ABSENCE_DAYS", days(proration.absenceUnits)],
    ["ANNUAL_BASE", annualBase],
    ["PERIOD_BASE", periodBase],
  ]);
}

export function calculateComponentLines(input: ComponentInput): PayslipLine[] {
  const { compiled } = input;
  const scale = 10n ** BigInt(compiled.currency.minorDigits);
  const values = new Map<string, number>();
  const scope = formulaScope(input);
  const linesByCode = new Map<string, PayslipLine[]>();
  for (const code of compiled.order) {
    if (code === "GROSS") {
      let gross = input.oneOffEarnings;
      for (const component of compiled.components) if (component.definition.kind === "EARNING") gross += values.get(component.definition.code)!;
      scope.set("GROSS", makeRatio(BigInt(gross), scale));
      values.set("GROSS", gross);
      continue;
    }
    const component = compiled.byCode.get(code)!;
    const lines = componentLines(component, input, values, scope);
    const worked = lines.reduce((sum, line) => sum + line.amount, 0);
    const cap = capLine(component, worked, compiled.currency);
    if (cap) lines.push(cap);
    const total = worked + (cap?.amount ?? 0);
    values.set(code, total);
    scope.set(code, makeRatio(BigInt(total), scale));
    linesByCode.set(code, lines);
  }
  return compiled.components.flatMap((component) => linesByCode.get(component.definition.code)!);
}
