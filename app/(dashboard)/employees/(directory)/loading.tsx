export default function Loading() {
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6" aria-busy="true" aria-label="Loading employees">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-20 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
      <div className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-10 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
