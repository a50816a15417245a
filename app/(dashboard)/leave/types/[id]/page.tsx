import type { Metadata } from "next";
import { orNotFound } from "@/lib/pages/or-not-found";
import { requirePermission } from "@/lib/auth/current-user";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { getLeaveType } from "@/lib/leave-types/get-leave-type";
import { LeaveTypeFormPage } from "../leave-type-page";

export const metadata: Metadata = { title: "Edit leave type" };

export default async function EditLeaveTypePage({ params }: PageProps<"/leave/types/[id]">) {
  await requirePermission(LEAVE_ADMIN);
  const { id } = await params;
  const type = await orNotFound(getLeaveType(id));
  return (
    <LeaveTypeFormPage
      title={`Edit ${type.name}`}
      description="Changes apply to this year's balances and later ones, recalculated the next time they are shown; years that have ended stay as they closed."
      type={type}
    />
  );
}
