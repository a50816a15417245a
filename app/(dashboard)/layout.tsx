import Link from "next/link";
import { Suspense } from "react";
import { DbBadge } from "@/components/db-badge";
import { DegradedNotice, isServiceDown, ServiceDegraded } from "@/components/degraded-notice";
import { NavLink } from "@/components/nav-link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { requireUser } from "@/lib/auth/current-user";
import { can, ROLE_LABELS, type Permission } from "@/lib/auth/permissions";
import { signOutAction } from "./actions";

// Every page here reads live HR data; nothing is prerendered at build time.
export const dynamic = "force-dynamic";

const NAV: { href: string; label: string; permission?: Permission; exact?: boolean }[] = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/leave", label: "My leave", exact: true },
  { href: "/leave/approvals", label: "Leave approvals", permission: "leave:approve" },
  { href: "/leave/calendar", label: "Leave calendar" },
  { href: "/attendance", label: "Attendance", exact: true },
  { href: "/payroll/payslips", label: "My payslips", permission: "payroll:view-own" },
  { href: "/employees", label: "Employees", permission: "employees:read" },
  { href: "/departments", label: "Departments", permission: "departments:read" },
  { href: "/org-chart", label: "Org chart", permission: "departments:read" },
  { href: "/leave/balances", label: "Leave balances", permission: "leave:admin" },
  { href: "/leave/types", label: "Leave types", permission: "leave:admin" },
  { href: "/holidays", label: "Holidays" },
  { href: "/attendance/summary", label: "Attendance summary", permission: "attendance:admin" },
  { href: "/payroll", label: "Payroll", permission: "payroll:manage", exact: true },
  { href: "/audit", label: "Audit log", permission: "audit:read" },
  { href: "/admin/users", label: "Users", permission: "users:manage" },
  { href: "/admin/status", label: "System status", permission: "system:status" },
  { href: "/admin/email", label: "Email delivery", permission: "system:status" },
  { href: "/settings", label: "Settings" },
];

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  if (await isServiceDown()) {
    return <ServiceDegraded />;
  }
  const user = await requireUser();
  const items = NAV.filter((item) => !item.permission || can(user, item.permission));
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:sticky md:top-0 md:flex md:h-screen md:flex-col">
        <Link href="/dashboard" className="flex h-16 items-center gap-2 border-b border-slate-200 px-5">
          <span className="grid size-8 place-items-center rounded-lg bg-brand-600 text-sm font-bold text-white">HR</span>
          <span className="text-base font-semibold tracking-tight">HRMS</span>
        </Link>
        <nav aria-label="Main" className="flex flex-1 flex-col gap-1 overflow-y-auto p-3">
          {items.map((item) => (
            <NavLink key={item.href} href={item.href} exact={item.exact}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="border-t border-slate-200 p-4 text-xs text-slate-500">
          Data served by{" "}
          <Suspense fallback={<span className="text-slate-400">…</span>}>
            <DbBadge />
          </Suspense>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-16 items-center justify-between gap-4 border-b border-slate-200 bg-white px-6">
          <details className="md:hidden">
            <summary className="cursor-pointer font-semibold">Menu</summary>
            <nav aria-label="Mobile" className="absolute z-10 mt-2 flex w-56 flex-col gap-1 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
              {items.map((item) => (
                <NavLink key={item.href} href={item.href}>
                  {item.label}
                </NavLink>
              ))}
            </nav>
          </details>
          <div className="ml-auto flex items-center gap-4">
            <Suspense fallback={<span className="inline-block size-10" aria-hidden />}>
              <NotificationBell />
            </Suspense>
            <div className="text-right">
              <p className="text-sm font-medium" data-testid="current-user">
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
