export default function Loading() {
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6" aria-busy="true" aria-label="Loading approvals">
      <div className="h-8 w-56 animate-pulse rounded bg-slate-200" />
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="h-40 animate-pulse rounded-xl bg-white shadow-sm ring-1 ring-slate-200" />
      ))}
    </div>
  );
}
