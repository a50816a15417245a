import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { compileStructure, type ComponentDefinition } from "./structure";
import { BASIC, structureOf } from "./test-fixtures";

const earning = (code: string, calculation: ComponentDefinition["calculation"], extra: Partial<ComponentDefinition> = {}): ComponentDefinition => ({
  code,
  name: code,
  kind: "EARNING",
  calculation,
  ...extra,
});
const deduction = (code: string, calculation: ComponentDefinition["calculation"], extra: Partial<ComponentDefinition> = {}): ComponentDefinition => ({
  code,
  name: code,
  kind: "DEDUCTION",
  calculation,
  ...extra,
});

function fieldsOf(components: ComponentDefinition[]): Record<string, string> {
  try {
    compileStructure(structureOf(...components));
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields ?? {};
  }
  throw new Error("the structure was accepted");
}

describe("structure validation", () => {
  it("orders components after what they depend on, GROSS after every earning", () => {
    const compiled = compileStructure(
      structureOf(
        deduction("PENSION", { type: "PERCENT", percent: "5", of: "GROSS" }),
        earning("HRA", { type: "PERCENT", percent: "40", of: "BASIC" }),
        BASIC,
        earning("BONUS", { type: "FORMULA", expression: "HRA / 2 + PAID_DAYS" }),
      ),
    );
    const order = compiled.order;
    expect(order.indexOf("BASIC")).toBeLessThan(order.indexOf("HRA"));
    expect(order.indexOf("HRA")).toBeLessThan(order.indexOf("BONUS"));
    expect(order.indexOf("BONUS")).toBeLessThan(order.indexOf("GROSS"));
    expect(order.indexOf("GROSS")).toBeLessThan(order.indexOf("PENSION"));
  });

  it.each([
    [
      "a cycle between two components",
      [BASIC, earning("A", { type: "PERCENT", percent: "10", of: "B" }), earning("B", { type: "FORMULA", expression: "A + 1" })],
      "components.A.calculation",
      /cycle: A -> B -> A/,
    ],
    ["a component that refers to itself", [earning("A", { type: "FORMULA", expression: "A * 2" })], "components.A.calculation", /cycle: A -> A/],
    [
      "an earning that is a percentage of GROSS, which includes it",
      [BASIC, earning("BONUS", { type: "PERCENT", percent: "10", of: "GROSS" })],
      "components.BONUS.calculation",
      /cycle: BONUS -> GROSS -> BONUS/,
    ],
    [
      "an earning that depends on a deduction of GROSS",
      [BASIC, deduction("PENSION", { type: "PERCENT", percent: "5", of: "GROSS" }), earning("TOPUP", { type: "FORMULA", expression: "PENSION / 2" })],
      "components.PENSION.calculation",
      /cycle: PENSION -> GROSS -> TOPUP -> PENSION/,
    ],
    [
      "a percentage of an unknown component",
      [BASIC, earning("HRA", { type: "PERCENT", percent: "40", of: "BASE" })],
      "components.HRA.calculation.of",
      /refers to BASE, which is neither/,
    ],
    [
      "a formula naming an unknown component",
      [BASIC, earning("HRA", { type: "FORMULA", expression: "BASIC * 0.4 + LUNCH" })],
      "components.HRA.calculation.expression",
      /refers to LUNCH/,
    ],
    ["a formula that will not parse", [earning("HRA", { type: "FORMULA", expression: "BASIC *" })], "components.HRA.calculation.expression", /cannot be read/],
    ["a duplicate code", [BASIC, earning("BASIC", { type: "FIXED", amount: 1 })], "components.BASIC.code", /Two components/],
    ["a lower-case code", [earning("hra", { type: "FIXED", amount: 1 })], "components.hra.code", /capital letters/],
    ["a reserved name", [earning("GROSS", { type: "FIXED", amount: 1 })], "components.GROSS.code", /reserved/],
    ["two base pays", [BASIC, { ...BASIC, code: "BASIC2" }], "components", /at most one base pay/],
    ["base pay as a deduction", [{ ...BASIC, kind: "DEDUCTION" }], "components.BASIC.kind", /base pay is an earning/],
    ["a maximum below the minimum", [earning("A", { type: "FIXED", amount: 1 }, { min: 10, max: 5 })], "components.A.max", /below the minimum/],
    ["a fractional amount", [earning("A", { type: "FIXED", amount: 10.5 })], "components.A.calculation.amount", /whole number of minor units/],
    [
      "a percentage that is not a number",
      [BASIC, earning("A", { type: "PERCENT", percent: "ten", of: "BASIC" })],
      "components.A.calculation.percent",
      /not a percentage/,
    ],
    [
      "prorating a percentage",
      [BASIC, earning("A", { type: "PERCENT", percent: "10", of: "BASIC" }, { prorate: true })],
      "components.A.prorate",
      /only fixed and formula/,
    ],
  ])("refuses %s", (_, components, field, message) => {
    const fields = fieldsOf(components as ComponentDefinition[]);
    expect(Object.keys(fields)).toEqual([field]);
    expect(fields[field]).toMatch(message);
  });

  it("refuses an unknown currency", () => {
    expect(() => compileStructure({ ...structureOf(BASIC), currency: "XYZ" })).toThrow(/Unknown currency/);
  });
});
