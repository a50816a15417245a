import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { getLeaveType } from "@/lib/leave-types/get-leave-type";
import type { LeaveTypeRow } from "@/lib/leave-types/list-leave-types";
import { LeaveTypeForm } from "../leave-type-form";

export const metadata: Metadata = { title: "Edit leave type" };

export default async function EditLeaveTypePage({ params }: PageProps<"/leave/types/[id]">) {
  await requirePermission(LEAVE_ADMIN);
  const { id } = await params;
  let type: LeaveTypeRow;
  try {
    type = await getLeaveType(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
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
