export default function Loading() {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6" aria-busy="true" aria-label="Loading notifications">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-14 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
