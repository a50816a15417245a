export default function Loading() {
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6" aria-busy="true" aria-label="Loading leave balances">
      <div className="flex items-end justify-between">
        <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
        <div className="h-9 w-52 animate-pulse rounded-md bg-slate-200" />
      </div>
      <div className="h-20 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
      <div className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className="flex gap-4">
            <div className="h-10 w-48 animate-pulse rounded bg-slate-100" />
            {Array.from({ length: 4 }, (_, j) => (
              <div key={j} className="h-10 flex-1 animate-pulse rounded bg-slate-100" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
