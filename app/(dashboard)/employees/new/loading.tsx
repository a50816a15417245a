export default function Loading() {
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6" aria-busy="true" aria-label="Loading form">
      <div className="flex flex-col gap-2">
        <div className="h-4 w-28 animate-pulse rounded bg-slate-200" />
        <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      </div>
      {Array.from({ length: 3 }, (_, section) => (
        <div key={section} className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-2">
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="flex flex-col gap-1.5">
              <div className="h-3 w-24 animate-pulse rounded bg-slate-100" />
              <div className="h-9 animate-pulse rounded-md bg-slate-100" />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
