// The steps of a long upload, the current one with a bar: filled to `fraction` when it is known
// (upload, rows saved), pulsing when the server is working and cannot say how far it is.
export type ProgressStep = { key: string; label: string };

type Props = {
  title: string;
  steps: ProgressStep[];
  current: string;
  fraction: number | null;
  detail?: string;
  onCancel?: () => void;
};

export function ImportProgress({ title, steps, current, fraction, detail, onCancel }: Props) {
  const currentIndex = steps.findIndex((step) => step.key === current);
  const percent = fraction === null ? null : Math.round(Math.min(Math.max(fraction, 0), 1) * 100);
  const currentLabel = steps[currentIndex]?.label ?? "";
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="import-progress-title" data-testid="import-progress">
      <div className="flex items-center justify-between gap-4">
        <h2 id="import-progress-title" className="text-base font-semibold">
          {title}
        </h2>
        {onCancel && (
          <button
            type="button"
            onClick={onCancel}
            className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Cancel
          </button>
        )}
      </div>
      <ol className="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {steps.map((step, index) => {
          const isDone = index < currentIndex;
          const isCurrent = index === currentIndex;
          return (
            <li
              key={step.key}
              className={`flex items-center gap-2 ${isCurrent ? "font-semibold text-slate-900" : isDone ? "text-emerald-700" : "text-slate-500"}`}
              aria-current={isCurrent ? "step" : undefined}
            >
              <span
                aria-hidden
                className={`grid size-6 place-items-center rounded-full text-xs ${isDone ? "bg-emerald-100 text-emerald-700" : isCurrent ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-500"}`}
              >
                {isDone ? "✓" : index + 1}
              </span>
              {step.label}
              {isDone && <span className="sr-only">(done)</span>}
            </li>
          );
        })}
      </ol>
      <div
        role="progressbar"
        aria-label={currentLabel}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent === null ? `${currentLabel}…` : `${currentLabel}: ${percent}%`}
        className="mt-4 h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={`h-full rounded-full bg-brand-600 transition-[width] duration-300 ${percent === null ? "w-full animate-pulse opacity-60" : ""}`}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
      <p className="mt-2 text-sm text-slate-600" aria-live="polite" data-testid="import-progress-detail">
        {detail ?? `${currentLabel}…`}
      </p>
    </section>
  );
}
