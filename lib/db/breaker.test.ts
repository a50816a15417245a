import { describe, expect, it } from "vitest";
import { Breaker, type BreakerSettings } from "./breaker";

const SETTINGS: BreakerSettings = { probeIntervalMs: 500, maxProbeIntervalMs: 4_000, healthyProbes: 3, flapWindowMs: 60_000, maxStreakMultiplier: 8 };

// A fake clock: the breaker takes `now` as an argument, so time is whatever the test says.
function setup(random = () => 0.5) {
  let now = 1_000_000;
  const breaker = new Breaker(SETTINGS, now, random);
  return {
    breaker,
    advance: (ms: number) => (now += ms),
    now: () => now,
    probeUntilDue: () => {
      now = breaker.state.nextProbeAt!;
      return now;
    },
  };
}

describe("Breaker", () => {
  it("opens on the first connection failure and names the cause", () => {
    const { breaker, now } = setup();
    const transition = breaker.recordFailure("ECONNREFUSED", now());
    expect(transition).toEqual({ from: "primary", to: "fallback", cause: "ECONNREFUSED" });
    expect(breaker.mode).toBe("fallback");
    expect(breaker.recordFailure("again", now())).toBeNull();
  });

  it("probes with exponential backoff and jitter, capped", () => {
    const { breaker, now, probeUntilDue } = setup(() => 1);
    breaker.recordFailure("down", now());
    const delays: number[] = [];
    let last = now();
    for (let i = 0; i < 7; i++) {
      const at = probeUntilDue();
      delays.push(at - last);
      last = at;
      breaker.recordProbe(false, at, "still down");
    }
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000, 4_000]);
  });

  it("spreads probes with jitter between half and the whole delay", () => {
    const low = setup(() => 0);
    low.breaker.recordFailure("down", low.now());
    expect(low.breaker.state.nextProbeAt! - low.now()).toBe(250);
    const high = setup(() => 0.999);
    high.breaker.recordFailure("down", high.now());
    expect(high.breaker.state.nextProbeAt! - high.now()).toBe(500);
  });

  it("is not due to probe before its time, and never while primary", () => {
    const { breaker, now, advance } = setup();
    expect(breaker.isProbeDue(now())).toBe(false);
    breaker.recordFailure("down", now());
    expect(breaker.isProbeDue(now())).toBe(false);
    advance(500);
    expect(breaker.isProbeDue(now())).toBe(true);
  });

  it("needs K consecutive healthy probes before recovering, and a failure resets the streak", () => {
    const { breaker, now, probeUntilDue } = setup();
    breaker.recordFailure("down", now());
    expect(breaker.recordProbe(true, probeUntilDue())).toBeNull();
    expect(breaker.recordProbe(true, probeUntilDue())).toBeNull();
    breaker.recordProbe(false, probeUntilDue(), "blip");
    expect(breaker.state.healthyStreak).toBe(0);
    breaker.recordProbe(true, probeUntilDue());
    breaker.recordProbe(true, probeUntilDue());
    expect(breaker.recordProbe(true, probeUntilDue())).toEqual({ from: "fallback", to: "recovering", cause: null });
  });

  it("switches back to primary only when the queue is drained", () => {
    const { breaker, now, probeUntilDue } = setup();
    expect(breaker.recordDrained(now())).toBeNull();
    breaker.recordFailure("down", now());
    expect(breaker.recordDrained(now())).toBeNull();
    for (let i = 0; i < 3; i++) breaker.recordProbe(true, probeUntilDue());
    expect(breaker.mode).toBe("recovering");
    expect(breaker.recordDrained(now())).toEqual({ from: "recovering", to: "primary", cause: null });
    expect(breaker.state.nextProbeAt).toBeNull();
  });

  it("goes back to fallback when PostgreSQL fails again during recovery", () => {
    const { breaker, now, probeUntilDue } = setup();
    breaker.recordFailure("down", now());
    for (let i = 0; i < 3; i++) breaker.recordProbe(true, probeUntilDue());
    expect(breaker.recordProbe(false, probeUntilDue(), "gone again")).toEqual({ from: "recovering", to: "fallback", cause: "gone again" });
  });

  it("demands a longer healthy streak from a server that flaps, and forgives after a calm hour", () => {
    const { breaker, now, advance, probeUntilDue } = setup();
    const recover = () => {
      for (let i = 0; i < breaker.state.requiredStreak; i++) breaker.recordProbe(true, probeUntilDue());
      breaker.recordDrained(now());
    };
    breaker.recordFailure("down", now());
    recover();
    advance(5_000);
    breaker.recordFailure("flap 1", now());
    expect(breaker.state.requiredStreak).toBe(6);
    recover();
    advance(5_000);
    breaker.recordFailure("flap 2", now());
    expect(breaker.state.requiredStreak).toBe(12);
    recover();
    advance(61_000);
    breaker.relax(now());
    expect(breaker.state.requiredStreak).toBe(3);
  });

  it("caps how far flapping raises the streak", () => {
    const { breaker, now, advance, probeUntilDue } = setup();
    for (let round = 0; round < 10; round++) {
      breaker.recordFailure("flap", now());
      for (let i = 0; i < breaker.state.requiredStreak; i++) breaker.recordProbe(true, probeUntilDue());
      breaker.recordDrained(now());
      advance(1_000);
    }
    expect(breaker.state.requiredStreak).toBe(24);
  });
});
