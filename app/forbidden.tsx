import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto mt-24 max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm" data-testid="forbidden">
      <p className="text-sm font-semibold text-rose-700">403</p>
      <h1 className="mt-1 text-lg font-semibold">You do not have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">Your role does not include it. If you think it should, ask an administrator.</p>
      <Link href="/dashboard" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
