import type { Metadata } from "next";
import { orNotFound } from "@/lib/pages/or-not-found";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { getLeaveType } from "@/lib/leave-types/get-leave-type";
import { LeaveTypeForm } from "../leave-type-form";

export const metadata: Metadata = { title: "Edit leave type" };

export default async function EditLeaveTypePage({ params }: PageProps<"/leave/types/[id]">) {
  await requirePermission(LEAVE_ADMIN);
  const { id } = await params;
  const type = await orNotFound(getLeaveType(id));
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <Link href="/leave/types" className="text-sm font-medium text-slate-600 hover:text-brand-700">
        ← All leave types
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Edit {type.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          Changes apply to this year&apos;s balances and later ones, recalculated the next time they are shown; years that have ended stay as they closed.
        </p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <LeaveTypeForm type={type} />
      </section>
    </div>
  );
}
