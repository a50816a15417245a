"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { actionError, fieldErrors, formValues, type FormState } from "@/lib/forms";
import { approvePayRun, markPayRunPaid } from "@/lib/payroll/approve-run";
import { createPayRun } from "@/lib/payroll/create-run";

const ZNewRun = z.object({
  scheduleId: z.string().min(1, "Choose a pay schedule."),
  month: z.string().regex(/^\d{4}-\d{2}$/, "Choose a month."),
});

export async function createRunAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("payroll:manage");
  const values = formValues(form);
  const input = ZNewRun.safeParse(values);
  if (!input.success) return fieldErrors(input.error, values);
  let id: string;
  try {
    ({ id } = await createPayRun(user, { scheduleId: input.data.scheduleId, date: `${input.data.month}-01` }));
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath("/payroll");
  redirect(`/payroll/runs/${id}`);
}

const ZRun = z.object({ runId: z.string().min(1).max(64) });

// Approving and paying run on PostgreSQL only; in fallback the service refuses with the reason.
export async function approveRunAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("payroll:approve");
  const { runId } = ZRun.parse(formValues(form));
  try {
    await approvePayRun(user, runId);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/payroll/runs/${runId}`);
  return { ok: true, message: "Approved. The run is locked; corrections go into a later run." };
}

export async function payRunAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("payroll:approve");
  const { runId } = ZRun.parse(formValues(form));
  try {
    await markPayRunPaid(user, runId);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/payroll/runs/${runId}`);
  return { ok: true, message: "Marked paid. Everyone in the run has been told their payslip is ready." };
}
