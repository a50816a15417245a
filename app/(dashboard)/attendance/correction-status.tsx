const STYLES = {
  PENDING: { label: "Waiting", tone: "bg-amber-50 text-amber-800 ring-amber-600/20" },
  APPROVED: { label: "Approved", tone: "bg-emerald-50 text-emerald-700 ring-emerald-600/20" },
  REJECTED: { label: "Rejected", tone: "bg-rose-50 text-rose-700 ring-rose-600/20" },
} as const;

export function CorrectionStatus({ status }: { status: keyof typeof STYLES }) {
  const style = STYLES[status];
  return <span className={`inline-flex shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.tone}`}>{style.label}</span>;
}
