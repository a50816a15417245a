// The centred card of the sign-in steps; `after` sits under the card (the demo accounts, say).
export function AuthCard({
  title,
  children,
  after,
  isNarrow = false,
}: {
  title: string;
  children: React.ReactNode;
  after?: React.ReactNode;
  isNarrow?: boolean;
}) {
  return (
    <div className="flex min-h-screen items-center justify-center px-4">
      <div className={isNarrow ? "w-full max-w-sm" : "w-full max-w-md"}>
        <div className="mb-6 flex items-center justify-center gap-2">
          <span className="grid size-9 place-items-center rounded-lg bg-brand-600 text-sm font-bold text-white">HR</span>
          <span className="text-lg font-semibold tracking-tight">HRMS</span>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">{title}</h1>
          {children}
        </div>
        {after}
      </div>
    </div>
  );
}
