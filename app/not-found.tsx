import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto mt-24 max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm" data-testid="not-found">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-1 text-lg font-semibold">This page does not exist</h1>
      <p className="mt-2 text-sm text-slate-600">The link may be old, or the record may have been removed or be outside what you can see.</p>
      <Link href="/dashboard" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
