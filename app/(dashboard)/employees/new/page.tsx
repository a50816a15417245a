import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listEmployeeFormOptions } from "@/lib/employees/employee-options";
import { createEmployeeAction } from "../actions";
import { EmployeeForm } from "../employee-form";

export const metadata: Metadata = { title: "Add employee" };

export default async function NewEmployeePage() {
  await requirePermission("employees:create");
  const options = await listEmployeeFormOptions();
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div>
        <Link href="/employees" className="text-sm font-medium text-slate-600 hover:text-brand-700">
          ← All employees
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Add employee</h1>
        <p className="mt-1 text-sm text-slate-600">Fields marked * are required. Everything else can be filled in later.</p>
      </div>
      <EmployeeForm
        action={createEmployeeAction}
        options={options}
        initial={{ employmentType: "FULL_TIME", salaryCurrency: "USD" }}
        submitLabel="Add employee"
        pendingLabel="Adding…"
        cancelHref="/employees"
      />
    </div>
  );
}
