const STYLES = {
  ACTIVE: { label: "Active", tone: "bg-emerald-50 text-emerald-700 ring-emerald-600/20" },
  ON_LEAVE: { label: "On leave", tone: "bg-amber-50 text-amber-800 ring-amber-600/20" },
  TERMINATED: { label: "Terminated", tone: "bg-slate-100 text-slate-600 ring-slate-500/20" },
} as const;

export function StatusPill({ status }: { status: keyof typeof STYLES }) {
  const style = STYLES[status];
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.tone}`}>{style.label}</span>
  );
}

export const STATUS_LABELS = { ACTIVE: "Active", ON_LEAVE: "On leave", TERMINATED: "Terminated" } as const;
