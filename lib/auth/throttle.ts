import "server-only";

// Sign-in throttling per account and per client address: after too many failures in a window,
// further attempts are refused until it passes. In memory, per app instance: it must keep working
// whichever database is up, and an attacker spreading over instances still meets each one's limit.
const WINDOW_MS = 15 * 60_000;
const LIMITS = { account: 5, address: 20 } as const;

type Kind = keyof typeof LIMITS;
const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const kept = (failures.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
  if (kept.length) failures.set(key, kept);
  else failures.delete(key);
  return kept;
}

// Milliseconds until another attempt is allowed, or 0 when it is allowed now.
export function retryAfterMs(keys: Partial<Record<Kind, string>>, now = Date.now()): number {
  let wait = 0;
  for (const [kind, value] of Object.entries(keys) as [Kind, string][]) {
    if (!value) continue;
    const times = recent(`${kind}:${value}`, now);
    if (times.length >= LIMITS[kind]) wait = Math.max(wait, times[times.length - LIMITS[kind]] + WINDOW_MS - now);
  }
  return wait;
}

export function recordFailure(keys: Partial<Record<Kind, string>>, now = Date.now()): void {
  for (const [kind, value] of Object.entries(keys) as [Kind, string][]) {
    if (!value) continue;
    const key = `${kind}:${value}`;
    failures.set(key, [...recent(key, now), now]);
  }
  if (failures.size > 50_000) failures.clear();
}

export function clearFailures(keys: Partial<Record<Kind, string>>): void {
  for (const [kind, value] of Object.entries(keys) as [Kind, string][]) if (value) failures.delete(`${kind}:${value}`);
}
