// A line saying what the last action did ("Department saved."), announced to screen readers.
export function SuccessNotice({ testId, children }: { testId?: string; children: React.ReactNode }) {
  return (
    <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800" data-testid={testId}>
      {children}
    </p>
  );
}
