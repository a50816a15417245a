// Small statistics helpers for the benchmark: percentiles over latency samples (milliseconds).

export type Summary = { n: number; p50: number; p90: number; p99: number; max: number; mean: number };

export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank: the smallest sample with at least q of the samples at or below it.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

export function summarize(samples: readonly number[]): Summary {
  const mean = samples.length ? samples.reduce((sum, value) => sum + value, 0) / samples.length : Number.NaN;
  return {
    n: samples.length,
    p50: percentile(samples, 0.5),
    p90: percentile(samples, 0.9),
    p99: percentile(samples, 0.99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
    mean,
  };
}

// Milliseconds with sensible precision: 0.412 ms, 12.3 ms, 1534 ms.
export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "n/a";
  if (value < 10) return `${value.toFixed(3)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${Math.round(value)} ms`;
}

export function seconds(value: number): string {
  return `${(value / 1000).toFixed(2)} s`;
}
