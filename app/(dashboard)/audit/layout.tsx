import { requirePermission } from "@/lib/auth/current-user";

// Checked here, above the page's loading boundary, so a refusal answers 403 rather than a 200 that
// streams the refusal page.
export default async function AuditLayout({ children }: { children: React.ReactNode }) {
  await requirePermission("audit:read");
  return children;
}
