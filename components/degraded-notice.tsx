import { dbStatus } from "@/lib/db";

// Says plainly when the app is not on its primary database, so nobody is surprised.
export async function DegradedNotice() {
  const status = await dbStatus();
  if (status.mode === "fallback" || status.mode === "recovering") {
    return (
      <div role="status" className="border-b border-amber-200 bg-amber-50 px-6 py-2 text-sm text-amber-900">
        {status.mode === "fallback"
          ? "The main database is unavailable. You can keep working: changes are saved locally and synchronised when it returns."
          : "The main database is back. Changes made meanwhile are being synchronised."}
      </div>
    );
  }
  return null;
}

export async function isServiceDown(): Promise<boolean> {
  return (await dbStatus()).mode === "down";
}

export function ServiceDegraded() {
  return (
    <div role="alert" className="mx-auto mt-16 max-w-lg rounded-xl border border-rose-200 bg-white p-8 text-center shadow-sm" data-testid="service-degraded">
      <h1 className="text-lg font-semibold text-rose-800">Service degraded</h1>
      <p className="mt-2 text-sm text-slate-600">
        No database is reachable right now, so HR data cannot be shown or saved. Nothing you saved earlier is lost. The app reconnects by itself; try again in a
        minute.
      </p>
    </div>
  );
}
