import { forbidden } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";

// The edit form saves every field, salary and personal data included, so it needs both rights.
export default async function EditEmployeeLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePermission("employees:update");
  if (!can(user, "employees:read-sensitive")) forbidden();
  return children;
}
