export default function Loading() {
  return (
    <div className="mx-auto flex max-w-[100rem] flex-col gap-6" aria-busy="true" aria-label="Loading the leave calendar">
      <div className="h-8 w-52 animate-pulse rounded bg-slate-200" />
      <div className="h-16 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
      <div className="flex flex-col gap-2 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className="h-9 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
