import { type Ratio } from "./ratio";

// How a line's exact amount becomes whole minor units. Each line states its rule, because the
// rules differ by authority: HMRC rounds PAYE tax down to the penny and NI to the nearest penny
// with a half-penny rounded down; most allowances round half-up.
//   HALF_UP    nearest; a half goes away from zero (2.5 -> 3, -2.5 -> -3)
//   HALF_DOWN  nearest; a half goes towards zero (2.5 -> 2)
//   HALF_EVEN  nearest; a half goes to the even neighbour (banker's rounding)
//   UP / DOWN  away from / towards zero
//   CEILING / FLOOR  towards +infinity / -infinity
export type RoundingMode = "HALF_UP" | "HALF_DOWN" | "HALF_EVEN" | "UP" | "DOWN" | "CEILING" | "FLOOR";

// `step` is in minor units: 1 rounds to the penny, 100 to the whole pound.
export type RoundingRule = { mode: RoundingMode; step?: number };

export const DEFAULT_ROUNDING: RoundingRule = { mode: "HALF_UP", step: 1 };

export function floorDivide(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n !== d < 0n ? q - 1n : q;
}

// n/d rounded to an integer by `mode` (d may be negative).
export function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d < 0n) [n, d] = [-n, -d];
  const q = floorDivide(n, d);
  const r = n - q * d;
  if (r === 0n) return q;
  const isNegative = n < 0n;
  switch (mode) {
    case "FLOOR":
      return q;
    case "CEILING":
      return q + 1n;
    case "DOWN":
      return isNegative ? q + 1n : q;
    case "UP":
      return isNegative ? q : q + 1n;
  }
  const twice = 2n * r;
  if (twice < d) return q;
  if (twice > d) return q + 1n;
  if (mode === "HALF_UP") return isNegative ? q : q + 1n;
  if (mode === "HALF_DOWN") return isNegative ? q + 1n : q;
  return q % 2n === 0n ? q : q + 1n;
}

// An exact amount in minor units, rounded to whole minor units (a multiple of the rule's step).
export function roundMinor(value: Ratio, rule: RoundingRule = DEFAULT_ROUNDING): number {
  const step = BigInt(rule.step ?? 1);
  const result = divideRounded(value.n, value.d * step, rule.mode) * step;
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError("amount out of range");
  return Number(result);
}

const MODE_WORDS: Record<RoundingMode, string> = {
  HALF_UP: "half-up",
  HALF_DOWN: "half-down",
  HALF_EVEN: "half-even",
  UP: "up",
  DOWN: "down",
  CEILING: "towards +infinity",
  FLOOR: "towards -infinity",
};

// "half-up to 0.01", "down to 1.00": the step in major units, for the payslip.
export function describeRounding(rule: RoundingRule, minorDigits: number): string {
  const step = rule.step ?? 1;
  const major = minorDigits === 0 ? String(step) : (step / 10 ** minorDigits).toFixed(minorDigits);
  return `${MODE_WORDS[rule.mode]} to ${major}`;
}
