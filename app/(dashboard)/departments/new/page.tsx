import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listHeadOptions, listParentOptions } from "@/lib/departments/list-departments";
import { DepartmentForm } from "../department-form";

export const metadata: Metadata = { title: "New department" };

export default async function NewDepartmentPage({ searchParams }: PageProps<"/departments/new">) {
  const user = await requirePermission("departments:write");
  const { parent } = await searchParams;
  const [parents, heads] = await Promise.all([listParentOptions(), listHeadOptions(user)]);
  // ?parent=<id> comes from a department's "Add sub-department" link; an unknown id is ignored.
  const initialParentId = parents.find((option) => option.id === parent)?.id ?? null;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <Link href="/departments" className="text-sm font-medium text-slate-600 hover:text-brand-700">
        ← All departments
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New department</h1>
        <p className="mt-1 text-sm text-slate-600">
          Name it, place it in the organisation, and choose who leads it. People join it from their employee record.
        </p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <DepartmentForm parents={parents} heads={heads} initialParentId={initialParentId} />
      </section>
    </div>
  );
}
