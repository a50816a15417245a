import type { Metadata } from "next";
import { orNotFound } from "@/lib/pages/or-not-found";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { getEmployeeProfile } from "@/lib/employees/get-employee";
import { updateOwnContactAction } from "../../actions";
import { OwnContactForm } from "../../employee-form";

export const metadata: Metadata = { title: "My contact details" };

// Employees keep their own contact and emergency details current; everything else is HR's.
export default async function OwnContactPage({ params }: PageProps<"/employees/[id]/contact">) {
  const user = await requirePermission("employees:update-own-contact");
  const { id } = await params;
  if (user.employeeId !== id) forbidden();
  const employee = await orNotFound(getEmployeeProfile(user, id));
  const personal = employee.personal;
  const profileHref = `/employees/${employee.id}?tab=contact`;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <Link href={profileHref} className="text-sm font-medium text-slate-600 hover:text-brand-700">
          ← Back to my profile
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">My contact details</h1>
        <p className="mt-1 text-sm text-slate-600">
          Your personal email, address and emergency contact are seen only by you, HR and administrators. For changes to your job or pay, ask HR.
        </p>
      </div>
      <OwnContactForm
        key={employee.version}
        action={updateOwnContactAction}
        initial={{
          phone: employee.phone ?? "",
          personalEmail: personal?.personalEmail ?? "",
          address: personal?.address ?? "",
          emergencyName: personal?.emergencyName ?? "",
          emergencyRelation: personal?.emergencyRelation ?? "",
          emergencyPhone: personal?.emergencyPhone ?? "",
        }}
        target={{ id: employee.id, version: employee.version }}
        cancelHref={profileHref}
      />
    </div>
  );
}
