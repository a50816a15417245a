import Link from "next/link";
import type { LeaveTypeRow } from "@/lib/leave-types/list-leave-types";
import { LeaveTypeForm } from "./leave-type-form";

// The page around the leave type form, for a new type and for an edit.
export function LeaveTypeFormPage({ title, description, type }: { title: string; description: React.ReactNode; type?: LeaveTypeRow }) {
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <Link href="/leave/types" className="text-sm font-medium text-slate-600 hover:text-brand-700">
        ← All leave types
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <LeaveTypeForm type={type} />
      </section>
    </div>
  );
}
