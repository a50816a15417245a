export default function Loading() {
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6" aria-busy="true" aria-label="Loading the request">
      <div className="h-4 w-24 animate-pulse rounded bg-slate-200" />
      <div className="h-48 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
      <div className="grid gap-6 md:grid-cols-2">
        <div className="h-40 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
        <div className="h-40 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
      </div>
    </div>
  );
}
