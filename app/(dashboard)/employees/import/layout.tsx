import { requirePermission } from "@/lib/auth/current-user";

// Checked above the page so a refusal answers 403.
export default async function ImportLayout({ children }: { children: React.ReactNode }) {
  await requirePermission("employees:import");
  return children;
}
