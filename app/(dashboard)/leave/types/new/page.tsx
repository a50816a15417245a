import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { LeaveTypeForm } from "../leave-type-form";

export const metadata: Metadata = { title: "New leave type" };

export default async function NewLeaveTypePage() {
  await requirePermission(LEAVE_ADMIN);
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <Link href="/leave/types" className="text-sm font-medium text-slate-600 hover:text-brand-700">
        ← All leave types
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New leave type</h1>
        <p className="mt-1 text-sm text-slate-600">Balances for it appear for everyone it applies to as soon as it is saved.</p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <LeaveTypeForm />
      </section>
    </div>
  );
}
