import type { Metadata } from "next";
import { orNotFound } from "@/lib/pages/or-not-found";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { getDepartment } from "@/lib/departments/get-department";
import { listHeadOptions, listParentOptions } from "@/lib/departments/list-departments";
import { DepartmentForm } from "../../department-form";

export const metadata: Metadata = { title: "Edit department" };

export default async function EditDepartmentPage({ params }: PageProps<"/departments/[id]/edit">) {
  const user = await requirePermission("departments:write");
  const { id } = await params;
  const department = await orNotFound(getDepartment(user, id));
  // Parents exclude the department itself and everything beneath it: choosing one would make a loop.
  const [parents, heads] = await Promise.all([listParentOptions(id), listHeadOptions(user, department.headId)]);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <Link href={`/departments/${id}`} className="text-sm font-medium text-slate-600 hover:text-brand-700">
        ← {department.name}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Edit {department.name}</h1>
        <p className="mt-1 text-sm text-slate-600">Rename it, move it under another department, or change who leads it.</p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <DepartmentForm
          department={{
            id: department.id,
            version: department.version,
            name: department.name,
            code: department.code,
            parentId: department.parentId,
            headId: department.headId,
          }}
          parents={parents}
          heads={heads}
        />
      </section>
    </div>
  );
}
