import { forbidden } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";

// Only the employee themselves edits their own contact details.
export default async function OwnContactLayout({ children, params }: LayoutProps<"/employees/[id]/contact">) {
  const user = await requirePermission("employees:update-own-contact");
  if (user.employeeId !== (await params).id) forbidden();
  return children;
}
