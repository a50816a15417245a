import { RUN_STATUS_LABELS, RUN_STATUS_TONES } from "@/lib/payroll/format";

const TONES = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20",
  info: "bg-sky-50 text-sky-800 ring-sky-600/20",
  warning: "bg-amber-50 text-amber-800 ring-amber-600/20",
  success: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
} as const;

export function RunStatusPill({ status }: { status: string }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[RUN_STATUS_TONES[status] ?? "neutral"]}`} data-testid="run-status">
      {RUN_STATUS_LABELS[status] ?? status}
    </span>
  );
}
