export default function Loading() {
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6" aria-busy="true" aria-label="Loading departments">
      <div className="flex items-end justify-between">
        <div className="h-8 w-44 animate-pulse rounded bg-slate-200" />
        <div className="h-10 w-36 animate-pulse rounded-md bg-slate-200" />
      </div>
      <div className="h-20 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
      <div className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex items-center gap-4">
            <div className="h-5 flex-1 animate-pulse rounded bg-slate-100" />
            <div className="size-8 animate-pulse rounded-full bg-slate-100" />
            <div className="h-5 w-32 animate-pulse rounded bg-slate-100" />
            <div className="h-2 w-24 animate-pulse rounded-full bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
