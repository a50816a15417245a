export default function Loading() {
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6" aria-busy="true" aria-label="Loading the dashboard">
      <div className="flex flex-col gap-2">
        <div className="h-4 w-48 animate-pulse rounded bg-slate-200" />
        <div className="h-8 w-56 animate-pulse rounded bg-slate-200" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-28 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="flex flex-col gap-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 lg:col-span-2">
          {Array.from({ length: 7 }, (_, i) => (
            <div key={i} className="flex items-center gap-3">
              <div className="h-3 w-28 animate-pulse rounded bg-slate-100" />
              <div className="h-4 animate-pulse rounded bg-slate-100" style={{ width: `${80 - i * 9}%` }} />
            </div>
          ))}
        </div>
        <div className="flex flex-col gap-4">
          <div className="h-36 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
          <div className="h-36 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="h-56 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
        <div className="h-56 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
      </div>
    </div>
  );
}
