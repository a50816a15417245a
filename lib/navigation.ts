import type { CurrentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; permission?: Permission; exact?: boolean };
export type NavGroup = { label: string | null; items: NavItem[] };

// The sidebar, grouped the way people think of their work. A group with no item the viewer may
// open is left out.
const NAV: NavGroup[] = [
  { label: null, items: [{ href: "/dashboard", label: "Dashboard" }] },
  {
    label: "People",
    items: [
      { href: "/employees", label: "Employees", permission: "employees:read" },
      { href: "/departments", label: "Departments", permission: "departments:read" },
      { href: "/org-chart", label: "Org chart", permission: "departments:read" },
    ],
  },
  {
    label: "Time off",
    items: [
      { href: "/leave", label: "My leave", exact: true },
      { href: "/leave/approvals", label: "Leave approvals", permission: "leave:approve" },
      { href: "/leave/calendar", label: "Leave calendar" },
      { href: "/leave/balances", label: "Leave balances", permission: "leave:admin" },
      { href: "/leave/types", label: "Leave types", permission: "leave:admin" },
      { href: "/holidays", label: "Holidays" },
    ],
  },
  {
    label: "Time",
    items: [
      { href: "/attendance", label: "Attendance", exact: true },
      { href: "/attendance/summary", label: "Attendance summary", permission: "attendance:admin" },
    ],
  },
  {
    label: "Pay",
    items: [
      { href: "/payroll", label: "Payroll", permission: "payroll:manage", exact: true },
      { href: "/payroll/adjustments", label: "One-off pay", permission: "payroll:manage" },
      { href: "/payroll/setup", label: "Payroll setup", permission: "payroll:manage" },
      { href: "/payroll/payslips", label: "My payslips", permission: "payroll:view-own" },
    ],
  },
  {
    label: "Admin",
    items: [
      { href: "/audit", label: "Audit log", permission: "audit:read" },
      { href: "/admin/users", label: "Users", permission: "users:manage" },
      { href: "/admin/status", label: "System status", permission: "system:status" },
      { href: "/admin/email", label: "Email delivery", permission: "system:status" },
      { href: "/settings", label: "Settings" },
    ],
  },
];

export function navigationFor(user: CurrentUser): NavGroup[] {
  return NAV.map((group) => ({ ...group, items: group.items.filter((item) => !item.permission || can(user, item.permission)) })).filter(
    (group) => group.items.length > 0,
  );
}
