// The failover state machine, pure and clock-free so it can be tested with a fake clock.
//
//   primary --connection failure--> fallback --K healthy probes--> recovering --queue empty--> primary
//                                      ^                               |
//                                      +------- probe or replay fails -+
//
// While PostgreSQL is down, probes run one at a time with capped exponential backoff and jitter.
// A server that keeps flapping makes each new recovery demand a longer healthy streak, so the
// app does not flap with it.
export type BreakerMode = "primary" | "fallback" | "recovering";

export type BreakerSettings = {
  probeIntervalMs: number; // first retry delay, and the pace of probes once one has succeeded
  maxProbeIntervalMs: number; // backoff cap while down
  healthyProbes: number; // K: consecutive healthy probes before replay starts
  flapWindowMs: number; // a failure this soon after a recovery counts as flapping
  maxStreakMultiplier: number; // cap on how much flapping raises K
};

export type BreakerState = {
  mode: BreakerMode;
  since: number;
  cause: string | null;
  failures: number; // consecutive failed probes since the breaker opened
  healthyStreak: number;
  requiredStreak: number;
  nextProbeAt: number | null;
  lastRecoveryAt: number | null;
};

export type Transition = { from: BreakerMode; to: BreakerMode; cause: string | null } | null;

export class Breaker {
  state: BreakerState;

  constructor(
    private readonly settings: BreakerSettings,
    now: number,
    private readonly random: () => number = Math.random,
  ) {
    this.state = {
      mode: "primary",
      since: now,
      cause: null,
      failures: 0,
      healthyStreak: 0,
      requiredStreak: settings.healthyProbes,
      nextProbeAt: null,
      lastRecoveryAt: null,
    };
  }

  get mode(): BreakerMode {
    return this.state.mode;
  }

  // A request, the replay or the mirror hit a connection-class error.
  recordFailure(cause: string, now: number): Transition {
    const from = this.state.mode;
    if (from === "fallback") return null;
    const isFlapping = this.state.lastRecoveryAt !== null && now - this.state.lastRecoveryAt < this.settings.flapWindowMs;
    const requiredStreak = isFlapping
      ? Math.min(this.state.requiredStreak * 2, this.settings.healthyProbes * this.settings.maxStreakMultiplier)
      : this.state.requiredStreak;
    this.state = { ...this.state, mode: "fallback", since: now, cause, failures: 0, healthyStreak: 0, requiredStreak, nextProbeAt: now + this.delay(0) };
    return { from, to: "fallback", cause };
  }

  isProbeDue(now: number): boolean {
    return this.state.mode !== "primary" && this.state.nextProbeAt !== null && now >= this.state.nextProbeAt;
  }

  recordProbe(isHealthy: boolean, now: number, cause?: string): Transition {
    if (this.state.mode === "primary") return null;
    if (!isHealthy) {
      const from = this.state.mode;
      const failures = this.state.failures + 1;
      this.state = {
        ...this.state,
        mode: "fallback",
        failures,
        healthyStreak: 0,
        nextProbeAt: now + this.delay(failures),
        ...(from === "recovering" ? { since: now, cause: cause ?? this.state.cause } : {}),
      };
      return from === "recovering" ? { from, to: "fallback", cause: cause ?? null } : null;
    }
    const healthyStreak = this.state.healthyStreak + 1;
    const nextProbeAt = now + this.settings.probeIntervalMs;
    if (this.state.mode === "fallback" && healthyStreak >= this.state.requiredStreak) {
      this.state = { ...this.state, mode: "recovering", since: now, healthyStreak, failures: 0, nextProbeAt };
      return { from: "fallback", to: "recovering", cause: null };
    }
    this.state = { ...this.state, healthyStreak, failures: 0, nextProbeAt };
    return null;
  }

  // The write queue is fully replayed: PostgreSQL serves again.
  recordDrained(now: number): Transition {
    if (this.state.mode !== "recovering") return null;
    this.state = { ...this.state, mode: "primary", since: now, cause: null, healthyStreak: 0, failures: 0, nextProbeAt: null, lastRecoveryAt: now };
    return { from: "recovering", to: "primary", cause: null };
  }

  // A long healthy stretch forgives earlier flapping.
  relax(now: number): void {
    const { lastRecoveryAt } = this.state;
    if (this.state.mode === "primary" && lastRecoveryAt !== null && now - lastRecoveryAt > this.settings.flapWindowMs) {
      this.state = { ...this.state, requiredStreak: this.settings.healthyProbes };
    }
  }

  // Exponential backoff with "equal jitter": half fixed, half random, so many instances spread out.
  private delay(failures: number): number {
    const capped = Math.min(this.settings.maxProbeIntervalMs, this.settings.probeIntervalMs * 2 ** failures);
    return Math.round(capped / 2 + (capped / 2) * this.random());
  }
}
