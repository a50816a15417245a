export default function Loading() {
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6" aria-busy="true" aria-label="Loading leave ledger">
      <div className="flex items-end justify-between">
        <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
        <div className="h-9 w-52 animate-pulse rounded-md bg-slate-200" />
      </div>
      <div className="h-20 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
      {Array.from({ length: 2 }, (_, i) => (
        <div key={i} className="flex flex-col gap-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <div className="h-6 w-40 animate-pulse rounded bg-slate-200" />
          <div className="grid gap-3 sm:grid-cols-4">
            {Array.from({ length: 4 }, (_, j) => (
              <div key={j} className="h-16 animate-pulse rounded-lg bg-slate-100" />
            ))}
          </div>
          {Array.from({ length: 4 }, (_, j) => (
            <div key={j} className="h-8 animate-pulse rounded bg-slate-100" />
          ))}
        </div>
      ))}
    </div>
  );
}
