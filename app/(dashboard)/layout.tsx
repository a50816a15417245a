import Link from "next/link";
import { Suspense } from "react";
import { DbBadge } from "@/components/db-badge";
import { DegradedNotice, isServiceDown, ServiceDegraded } from "@/components/degraded-notice";
import { NavLink } from "@/components/nav-link";

// Every page here reads live HR data; nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const isDown = await isServiceDown();
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:sticky md:top-0 md:flex md:h-screen md:flex-col">
        <Link href="/employees" className="flex h-16 items-center gap-2 border-b border-slate-200 px-5">
          <span className="grid size-8 place-items-center rounded-lg bg-brand-600 text-sm font-bold text-white">HR</span>
          <span className="text-base font-semibold tracking-tight">HRMS</span>
        </Link>
        <nav aria-label="Main" className="flex flex-1 flex-col gap-1 p-3">
          <NavLink href="/employees">Employees</NavLink>
          <NavLink href="/admin/status">System status</NavLink>
        </nav>
        <div className="border-t border-slate-200 p-4 text-xs text-slate-500">
          Data served by{" "}
          <Suspense fallback={<span className="text-slate-400">…</span>}>
            <DbBadge />
          </Suspense>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-16 items-center justify-between border-b border-slate-200 bg-white px-6 md:hidden">
          <Link href="/employees" className="font-semibold">HRMS</Link>
          <Suspense fallback={null}>
            <DbBadge />
          </Suspense>
        </header>
        <DegradedNotice />
        <main className="flex-1 px-4 py-8 sm:px-8">{isDown ? <ServiceDegraded /> : children}</main>
      </div>
    </div>
  );
}
