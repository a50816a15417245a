import { requirePermission } from "@/lib/auth/current-user";

// Checked above the loading boundary so a refusal answers 403.
export default async function NewEmployeeLayout({ children }: { children: React.ReactNode }) {
  await requirePermission("employees:create");
  return children;
}
