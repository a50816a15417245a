// Exact fractions over bigint. Every amount the engine works out before rounding is one of
// these, so no intermediate step passes through a float and rounding happens once, per line,
// by a stated rule.
export type Ratio = { readonly n: bigint; readonly d: bigint };

export const ZERO: Ratio = { n: 0n, d: 1n };
export const ONE: Ratio = { n: 1n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function makeRatio(n: bigint, d: bigint = 1n): Ratio {
  if (d === 0n) throw new RangeError("division by zero");
  if (d < 0n) [n, d] = [-n, -d];
  if (d === 1n || n === 0n) return { n, d: n === 0n ? 1n : d };
  const divisor = gcd(n, d);
  return divisor === 1n ? { n, d } : { n: n / divisor, d: d / divisor };
}

export function ratioOf(value: number | bigint): Ratio {
  if (typeof value === "number" && !Number.isSafeInteger(value)) throw new RangeError(`${value} is not a safe integer`);
  return { n: BigInt(value), d: 1n };
}

export const addRatio = (a: Ratio, b: Ratio): Ratio => (a.d === b.d ? makeRatio(a.n + b.n, a.d) : makeRatio(a.n * b.d + b.n * a.d, a.d * b.d));
export const subtractRatio = (a: Ratio, b: Ratio): Ratio => addRatio(a, { n: -b.n, d: b.d });
export const multiplyRatio = (a: Ratio, b: Ratio): Ratio => makeRatio(a.n * b.n, a.d * b.d);
export const divideRatio = (a: Ratio, b: Ratio): Ratio => makeRatio(a.n * b.d, a.d * b.n);
export const compareRatio = (a: Ratio, b: Ratio): number => {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
};
export const isZeroRatio = (a: Ratio): boolean => a.n === 0n;

// "12.5" -> 25/2 exactly; refuses exponents and anything that is not a plain decimal.
export function parseDecimal(text: string): Ratio {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a decimal number`);
  const [, sign, whole, fraction = ""] = match;
  const n = BigInt(whole + fraction) * (sign ? -1n : 1n);
  return makeRatio(n, 10n ** BigInt(fraction.length));
}

// A percentage written as a decimal string: "8" -> 8/100, "13.8" -> 138/1000.
export function parsePercent(text: string): Ratio {
  return divideRatio(parseDecimal(text), { n: 100n, d: 1n });
}

// For explanations only (never for amounts): at most `places` decimals, trailing zeros dropped.
export function formatRatio(value: Ratio, places = 6): string {
  const negative = value.n < 0n;
  const n = negative ? -value.n : value.n;
  const scale = 10n ** BigInt(places);
  const scaled = (n * scale * 2n + value.d) / (2n * value.d);
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(places, "0").replace(/0+$/, "");
  return `${negative && scaled !== 0n ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}
