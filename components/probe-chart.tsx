type Probe = { at: string; ok: boolean; ms: number; error?: string };

// Latency of the most recent probes, oldest on the left; failed probes are full-height red bars.
export function ProbeChart({ probes }: { probes: Probe[] }) {
  const recent = [...probes].reverse().slice(-40);
  if (recent.length === 0) {
    return <p className="text-sm text-slate-500">No probes yet: PostgreSQL is only probed while it is unavailable.</p>;
  }
  const max = Math.max(50, ...recent.filter((probe) => probe.ok).map((probe) => probe.ms));
  const width = 400;
  const height = 80;
  const barWidth = width / 40;
  return (
    <figure>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-24 w-full"
        role="img"
        aria-label={`Last ${recent.length} probes: ${recent.filter((probe) => !probe.ok).length} failed`}
      >
        {recent.map((probe, i) => {
          const barHeight = probe.ok ? Math.max(3, (probe.ms / max) * (height - 4)) : height;
          return (
            <rect
              key={`${probe.at}-${i}`}
              x={i * barWidth + 1}
              y={height - barHeight}
              width={barWidth - 2}
              height={barHeight}
              rx={1.5}
              className={probe.ok ? "fill-emerald-500" : "fill-rose-500"}
            >
              <title>{`${new Date(probe.at).toLocaleTimeString("en-GB")}: ${probe.ok ? `ok in ${probe.ms} ms` : `failed: ${probe.error}`}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex justify-between text-xs text-slate-500">
        <span>older</span>
        <span>scale: {max} ms · red = failed</span>
        <span>newer</span>
      </figcaption>
    </figure>
  );
}
