export default function Loading() {
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6" aria-busy="true" aria-label="Loading the request form">
      <div className="h-4 w-24 animate-pulse rounded bg-slate-200" />
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="flex flex-col gap-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 lg:col-span-3">
          {Array.from({ length: 5 }, (_, i) => (
            <div key={i} className="h-12 animate-pulse rounded bg-slate-100" />
          ))}
        </div>
        <div className="h-72 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200 lg:col-span-2" />
      </div>
    </div>
  );
}
