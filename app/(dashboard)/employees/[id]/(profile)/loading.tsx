// Shown while a profile (or its edit and contact forms) loads: the header card, tabs and a panel.
export default function Loading() {
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6" aria-busy="true" aria-label="Loading employee">
      <div className="h-4 w-28 animate-pulse rounded bg-slate-200" />
      <div className="flex items-start gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="size-14 shrink-0 animate-pulse rounded-full bg-slate-200" />
        <div className="flex flex-1 flex-col gap-2">
          <div className="h-7 w-56 animate-pulse rounded bg-slate-200" />
          <div className="h-4 w-72 max-w-full animate-pulse rounded bg-slate-100" />
          <div className="h-4 w-40 animate-pulse rounded bg-slate-100" />
        </div>
      </div>
      <div className="flex gap-2 border-b border-slate-200 pb-2">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-6 w-20 animate-pulse rounded bg-slate-200" />
        ))}
      </div>
      <div className="grid gap-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:grid-cols-2">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex flex-col gap-1.5">
            <div className="h-3 w-24 animate-pulse rounded bg-slate-100" />
            <div className="h-4 w-40 animate-pulse rounded bg-slate-200" />
          </div>
        ))}
      </div>
    </div>
  );
}
