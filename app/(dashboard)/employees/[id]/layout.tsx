import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { canSeeEmployee } from "@/lib/auth/scope";

// Someone outside the viewer's scope does not exist for them: a 404, decided above the loading
// boundaries of the profile, edit and contact pages so the status is a real 404.
export default async function EmployeeLayout({ children, params }: LayoutProps<"/employees/[id]">) {
  const user = await requirePermission("employees:read");
  if (!(await canSeeEmployee(user, (await params).id))) notFound();
  return children;
}
