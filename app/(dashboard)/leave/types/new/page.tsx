import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { LeaveTypeFormPage } from "../leave-type-page";

export const metadata: Metadata = { title: "New leave type" };

export default async function NewLeaveTypePage() {
  await requirePermission(LEAVE_ADMIN);
  return <LeaveTypeFormPage title="New leave type" description="Balances for it appear for everyone it applies to as soon as it is saved." />;
}
