import { describe, expect, it } from "vitest";
import { formatMoney, CURRENCIES } from "./money";
import { addRatio, makeRatio, parseDecimal } from "./ratio";
import { describeRounding, divideRounded, roundMinor, type RoundingMode } from "./rounding";

describe("divideRounded", () => {
  // value (as n/10) and the result for each mode
  const cases: [number, Record<RoundingMode, number>][] = [
    [25, { HALF_UP: 3, HALF_DOWN: 2, HALF_EVEN: 2, UP: 3, DOWN: 2, CEILING: 3, FLOOR: 2 }],
    [35, { HALF_UP: 4, HALF_DOWN: 3, HALF_EVEN: 4, UP: 4, DOWN: 3, CEILING: 4, FLOOR: 3 }],
    [-25, { HALF_UP: -3, HALF_DOWN: -2, HALF_EVEN: -2, UP: -3, DOWN: -2, CEILING: -2, FLOOR: -3 }],
    [24, { HALF_UP: 2, HALF_DOWN: 2, HALF_EVEN: 2, UP: 3, DOWN: 2, CEILING: 3, FLOOR: 2 }],
    [26, { HALF_UP: 3, HALF_DOWN: 3, HALF_EVEN: 3, UP: 3, DOWN: 2, CEILING: 3, FLOOR: 2 }],
    [-26, { HALF_UP: -3, HALF_DOWN: -3, HALF_EVEN: -3, UP: -3, DOWN: -2, CEILING: -2, FLOOR: -3 }],
    [30, { HALF_UP: 3, HALF_DOWN: 3, HALF_EVEN: 3, UP: 3, DOWN: 3, CEILING: 3, FLOOR: 3 }],
  ];
  for (const [tenths, expected] of cases) {
    for (const [mode, result] of Object.entries(expected)) {
      it(`${tenths / 10} ${mode} -> ${result}`, () => {
        expect(divideRounded(BigInt(tenths), 10n, mode as RoundingMode)).toBe(BigInt(result));
        expect(divideRounded(BigInt(-tenths), -10n, mode as RoundingMode)).toBe(BigInt(result));
      });
    }
  }
});

describe("roundMinor", () => {
  it.each([
    // exact minor units, rule, result
    [makeRatio(100000n, 31n), { mode: "HALF_UP" as const }, 3226], // 3225.806...
    [makeRatio(12399n), { mode: "DOWN" as const, step: 100 }, 12300], // down to the pound
    [makeRatio(12350n), { mode: "HALF_UP" as const, step: 100 }, 12400],
    [makeRatio(12350n), { mode: "HALF_EVEN" as const, step: 100 }, 12400],
    [makeRatio(12250n), { mode: "HALF_EVEN" as const, step: 100 }, 12200],
    [makeRatio(-1n, 2n), { mode: "HALF_UP" as const }, -1],
    [makeRatio(1n, 2n), { mode: "HALF_DOWN" as const }, 0],
  ])("%o rounded %o is %d", (value, rule, expected) => {
    expect(roundMinor(value, rule)).toBe(expected);
  });

  it("describes its rule in major units", () => {
    expect(describeRounding({ mode: "HALF_UP" }, 2)).toBe("half-up to 0.01");
    expect(describeRounding({ mode: "DOWN", step: 100 }, 2)).toBe("down to 1.00");
    expect(describeRounding({ mode: "HALF_EVEN", step: 5 }, 0)).toBe("half-even to 5");
  });
});

describe("decimals and money", () => {
  it("parses decimals exactly: 0.1 + 0.2 is 3/10, not 0.30000000000000004", () => {
    expect(addRatio(parseDecimal("0.1"), parseDecimal("0.2"))).toEqual({ n: 3n, d: 10n });
    expect(parseDecimal("13.80")).toEqual({ n: 69n, d: 5n });
    expect(() => parseDecimal("1e3")).toThrow();
  });

  it.each([
    [123456789, "GBP", "GBP 1,234,567.89"],
    [-5, "GBP", "-GBP 0.05"],
    [1500, "JPY", "JPY 1,500"],
    [1234, "KWD", "KWD 1.234"],
  ])("formats %d %s as %s", (minor, code, text) => {
    expect(formatMoney(minor, CURRENCIES[code])).toBe(text);
  });
});
