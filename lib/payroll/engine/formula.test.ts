import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { evaluateFormula, parseFormula } from "./formula";
import { formatRatio, parseDecimal, type Ratio } from "./ratio";

const scope = new Map<string, Ratio>([
  ["BASIC", parseDecimal("3000")],
  ["PAID_DAYS", parseDecimal("15.5")],
]);
const run = (text: string) => formatRatio(evaluateFormula(parseFormula(text), scope), 6);

describe("formulas", () => {
  it.each([
    ["1 + 2 * 3", "7"],
    ["(1 + 2) * 3", "9"],
    ["10 / 4", "2.5"],
    ["0.1 + 0.2 == 0.3", "1"], // exact fractions, no float noise
    ["BASIC * 0.125", "375"],
    ["min(BASIC * 0.1, 250, 999)", "250"],
    ["max(-1, -2)", "-1"],
    ["abs(-2.5) + floor(2.7) + ceil(2.1)", "7.5"],
    ["round(2 / 3, 2)", "0.67"],
    ["round(2.5)", "3"],
    ["PAID_DAYS < 20 ? 0 : 100", "0"],
    ["PAID_DAYS >= 15 && BASIC > 1000", "1"],
    ["!(PAID_DAYS > 15) || 0", "0"],
    ["-BASIC + +1", "-2999"],
  ])("%s = %s", (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it("lists the names it refers to", () => {
    expect([...parseFormula("min(BASIC, GROSS * 0.1) + HRA").references].sort()).toEqual(["BASIC", "GROSS", "HRA"]);
  });

  it("refuses to divide by zero", () => {
    expect(() => run("BASIC / (PAID_DAYS - 15.5)")).toThrow(/divides by zero/);
  });

  it("refuses a name that has no value, even one every JavaScript object has", () => {
    expect(() => run("constructor")).toThrow(/constructor, which has no value/);
    expect(() => run("__proto__")).toThrow(/no value/);
  });

  // Each of these tries to reach JavaScript itself; each is refused when parsed, before anything runs.
  it.each([
    ['constructor.constructor("return process")()', /properties|functions/],
    ["BASIC.constructor", /properties/],
    ['BASIC["constructor"]', /properties/],
    ["this", /this/],
    ["this.process", /properties|this/],
    ['eval("1")', /Only these functions/],
    ["Function('return 1')()", /Only these functions/],
    ["process.exit(1)", /properties|functions/],
    ['"abc"', /Only numbers/],
    ["true", /Only numbers/],
    ["[1, 2]", /ArrayExpression/],
    ["min.call(1, 2)", /properties|functions/],
    ["2 ** 10", /operator "\*\*"/],
    ["BASIC ? 1 : (1, 2)", /SequenceExpression|one expression|Compound/],
    ["1; 2", /one expression/],
    ["x => x", /cannot be read|not allowed|BinaryExpression|Only/],
    ["BASIC = 1", /cannot be read|not allowed|operator/],
    ["min()", /arguments/],
    ["1".repeat(501), /at most 500/],
    ["abs(".repeat(60) + "1" + ")".repeat(60), /nested too deeply/],
  ])("refuses %s", (text, message) => {
    const attempt = () => parseFormula(text);
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(message);
  });
});
