import { requirePermission } from "@/lib/auth/current-user";

// Decided above the loading boundary, so someone without payroll gets a real 403.
export default async function AdjustmentsLayout({ children }: LayoutProps<"/payroll/adjustments">) {
  await requirePermission("payroll:manage");
  return children;
}
