import "server-only";

// Sign-in throttling by progressive delay: after a few failures for an account (or from an
// address), each further attempt must wait longer since the previous failure, doubling up to a
// cap. Nobody is locked out for long: the owner waits at most the cap, and a correct password with
// a valid second factor gets in regardless (lib/auth/sign-in.ts). Failures are forgotten an hour
// after the last one.
//
// In memory, per app instance: it must keep working whichever database is up. The counters are
// bounded: when full, the least recently touched key that is not delaying anyone goes (or the
// least recent of all, if every key is), never all of them at once; so a flood of one-off
// failures cannot wipe out an account's delay.
type Rule = { freeFailures: number; firstDelayMs: number; maxDelayMs: number };

export const RULES = {
  account: { freeFailures: 5, firstDelayMs: 15_000, maxDelayMs: 5 * 60_000 },
  address: { freeFailures: 20, firstDelayMs: 15_000, maxDelayMs: 5 * 60_000 },
  // Second-factor codes: 6 digits, so fewer free tries, counted per account and address (an
  // attacker elsewhere does not slow the owner down) and, more loosely, per account.
  totp: { freeFailures: 3, firstDelayMs: 30_000, maxDelayMs: 10 * 60_000 },
  totpAccount: { freeFailures: 20, firstDelayMs: 30_000, maxDelayMs: 10 * 60_000 },
} as const satisfies Record<string, Rule>;

export type ThrottleKind = keyof typeof RULES;
export type ThrottleKeys = Partial<Record<ThrottleKind, string>>;

const FORGET_AFTER_MS = 60 * 60_000;
export const MAX_TRACKED_KEYS = 20_000;

type Entry = { failures: number; lastFailureAt: number };
const entries = new Map<string, Entry>();

function read(key: string, now: number): Entry | undefined {
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (now - entry.lastFailureAt > FORGET_AFTER_MS) {
    entries.delete(key);
    return undefined;
  }
  return entry;
}

export function delayAfter(rule: Rule, failures: number): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.firstDelayMs * 2 ** Math.min(failures - rule.freeFailures, 30), rule.maxDelayMs);
}

// Milliseconds until another attempt is allowed, or 0 when it is allowed now.
export function retryAfterMs(keys: ThrottleKeys, now = Date.now()): number {
  let wait = 0;
  for (const [kind, value] of Object.entries(keys) as [ThrottleKind, string][]) {
    if (!value) continue;
    const entry = read(`${kind}:${value}`, now);
    if (entry) wait = Math.max(wait, entry.lastFailureAt + delayAfter(RULES[kind], entry.failures) - now);
  }
  return Math.max(0, wait);
}

export function recordFailure(keys: ThrottleKeys, now = Date.now()): void {
  for (const [kind, value] of Object.entries(keys) as [ThrottleKind, string][]) {
    if (!value) continue;
    const key = `${kind}:${value}`;
    const failures = (read(key, now)?.failures ?? 0) + 1;
    // Delete and set again: a Map keeps insertion order, so the first key is the least recent.
    entries.delete(key);
    entries.set(key, { failures, lastFailureAt: now });
  }
  while (entries.size > MAX_TRACKED_KEYS) evictOne();
}

const EVICTION_SCAN = 1_000;

function evictOne(): void {
  let scanned = 0;
  for (const [key, entry] of entries) {
    const kind = key.slice(0, key.indexOf(":")) as ThrottleKind;
    if (entry.failures < RULES[kind].freeFailures) {
      entries.delete(key);
      return;
    }
    if (++scanned >= EVICTION_SCAN) break;
  }
  entries.delete(entries.keys().next().value!);
}

export function clearFailures(keys: ThrottleKeys): void {
  for (const [kind, value] of Object.entries(keys) as [ThrottleKind, string][]) if (value) entries.delete(`${kind}:${value}`);
}

export function trackedKeyCount(): number {
  return entries.size;
}

export function waitMessage(waitMs: number): string {
  const seconds = Math.ceil(waitMs / 1000);
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
