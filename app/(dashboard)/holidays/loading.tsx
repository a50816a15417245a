export default function Loading() {
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6" aria-busy="true" aria-label="Loading holidays">
      <div className="flex items-end justify-between">
        <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
        <div className="h-9 w-48 animate-pulse rounded-md bg-slate-200" />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="h-24 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 lg:col-span-2">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="h-10 animate-pulse rounded bg-slate-100" />
          ))}
        </div>
        <div className="h-64 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
      </div>
    </div>
  );
}
