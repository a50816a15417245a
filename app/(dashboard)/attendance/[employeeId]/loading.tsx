export default function Loading() {
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6" aria-busy="true" aria-label="Loading attendance">
      <div className="h-8 w-56 animate-pulse rounded bg-slate-200" />
      <div className="h-24 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
      <div className="grid grid-cols-7 gap-1 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {Array.from({ length: 35 }, (_, i) => (
          <div key={i} className="h-20 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
