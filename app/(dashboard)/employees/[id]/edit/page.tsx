import type { Metadata } from "next";
import { orNotFound } from "@/lib/pages/or-not-found";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listEmployeeFormOptions } from "@/lib/employees/employee-options";
import { centsToInput, toDateInput } from "@/lib/employees/format";
import { getEmployeeProfile, type EmployeeProfile } from "@/lib/employees/get-employee";
import { updateEmployeeAction } from "../../actions";
import { EmployeeForm, type EmployeeFormValues } from "../../employee-form";

export const metadata: Metadata = { title: "Edit employee" };

function formValuesOf(employee: EmployeeProfile): EmployeeFormValues {
  const personal = employee.personal;
  return {
    employeeNumber: employee.employeeNumber,
    firstName: employee.firstName,
    lastName: employee.lastName,
    workEmail: employee.workEmail,
    phone: employee.phone ?? "",
    jobTitle: employee.jobTitle,
    departmentId: employee.departmentId ?? "",
    managerId: employee.managerId ?? "",
    employmentType: employee.employmentType,
    hireDate: toDateInput(employee.hireDate),
    dateOfBirth: toDateInput(personal?.dateOfBirth),
    salary: centsToInput(employee.salary?.cents),
    salaryCurrency: employee.salary?.currency ?? "USD",
    personalEmail: personal?.personalEmail ?? "",
    address: personal?.address ?? "",
    emergencyName: personal?.emergencyName ?? "",
    emergencyRelation: personal?.emergencyRelation ?? "",
    emergencyPhone: personal?.emergencyPhone ?? "",
  };
}

export default async function EditEmployeePage({ params }: PageProps<"/employees/[id]/edit">) {
  const user = await requirePermission("employees:update");
  // The form saves every field, salary and personal data included; someone who cannot see them
  // would save them blank, so editing needs both permissions.
  if (!can(user, "employees:read-sensitive")) forbidden();
  const { id } = await params;
  const employee = await orNotFound(getEmployeeProfile(user, id));
  const options = await listEmployeeFormOptions({ id: employee.id, managerId: employee.managerId });
  const profileHref = `/employees/${employee.id}`;

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div>
        <Link href={profileHref} className="text-sm font-medium text-slate-600 hover:text-brand-700">
          ← Back to the profile
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">
          Edit {employee.firstName} {employee.lastName}
        </h1>
        <p className="mt-1 text-sm text-slate-600">To record a leave or a departure, use Change status on the profile.</p>
      </div>
      {/* Keyed by version: a newer record rebuilds the form from it. */}
      <EmployeeForm
        key={employee.version}
        action={updateEmployeeAction}
        options={options}
        initial={formValuesOf(employee)}
        target={{ id: employee.id, version: employee.version }}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        cancelHref={profileHref}
        reloadHref={`${profileHref}/edit`}
      />
    </div>
  );
}
