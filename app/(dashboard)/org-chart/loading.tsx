export default function Loading() {
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6" aria-busy="true" aria-label="Loading the org chart">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-24 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
      <div className="flex gap-8 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <div className="h-32 w-60 animate-pulse rounded-xl bg-slate-100" />
        <div className="flex flex-col gap-4">
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="h-32 w-60 animate-pulse rounded-xl bg-slate-100" />
          ))}
        </div>
      </div>
    </div>
  );
}
