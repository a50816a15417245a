import Link from "next/link";
import { Suspense } from "react";
import { DbBadge } from "@/components/db-badge";
import { DegradedNotice, isServiceDown, ServiceDegraded } from "@/components/degraded-notice";
import { MainNav } from "@/components/nav/main-nav";
import { MobileNav } from "@/components/nav/mobile-nav";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { requireUser } from "@/lib/auth/current-user";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { navigationFor } from "@/lib/navigation";
import { signOutAction } from "./actions";

// Every page here reads live HR data; nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  if (await isServiceDown()) {
    return <ServiceDegraded />;
  }
  const user = await requireUser();
  const groups = navigationFor(user);
  return (
    <div className="flex min-h-screen">
      {/* The white column runs the page's full height; its contents stay in view while scrolling. */}
      <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:block">
        <div className="sticky top-0 flex h-screen flex-col">
          <Link href="/dashboard" className="flex h-16 items-center gap-2 border-b border-slate-200 px-5">
            <span className="grid size-8 place-items-center rounded-lg bg-brand-600 text-sm font-bold text-white">HR</span>
            <span className="text-base font-semibold tracking-tight">HRMS</span>
          </Link>
          <div className="flex-1 overflow-y-auto">
            <MainNav groups={groups} label="Main" />
          </div>
          <div className="border-t border-slate-200 p-4 text-xs text-slate-500">
            Data served by{" "}
            <Suspense fallback={<span className="text-slate-500">…</span>}>
              <DbBadge />
            </Suspense>
          </div>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-16 items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 sm:px-6">
          <MobileNav>
            <MainNav groups={groups} label="Mobile" />
          </MobileNav>
          <div className="ml-auto flex min-w-0 items-center gap-3 sm:gap-4">
            <Suspense fallback={<span className="inline-block size-10" aria-hidden />}>
              <NotificationBell />
            </Suspense>
            <div className="hidden min-w-0 text-right sm:block">
              <p className="max-w-48 truncate text-sm font-medium" title={user.name} data-testid="current-user">
                {user.name}
              </p>
              <p className="text-xs text-slate-500" data-testid="current-role">
                {ROLE_LABELS[user.role]}
              </p>
            </div>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">
                Sign out
              </button>
            </form>
          </div>
        </header>
        <DegradedNotice />
        <main className="flex-1 px-4 py-8 sm:px-8">{children}</main>
      </div>
    </div>
  );
}
