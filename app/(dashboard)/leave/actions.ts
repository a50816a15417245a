"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { actionError, fieldErrors, type FormState, formValues, parseForm } from "@/lib/forms";
import { cancelLeaveRequest } from "@/lib/leave/requests/cancel-leave-request";
import { createLeaveRequest } from "@/lib/leave/requests/create-leave-request";
import { decideLeaveRequest } from "@/lib/leave/requests/decide-leave-request";
import { type LeavePreview, previewLeaveRequest } from "@/lib/leave/requests/preview-leave-request";
import type { LeaveNotice } from "@/lib/leave/requests/notices";
import type { LeaveRequestStatus } from "@/lib/leave/requests/status";
import { ZCancel, ZDecision, ZLeaveRequestInput, ZRequestFor, ZRequestTarget, ZReturnTo } from "@/lib/validations/leave-requests";

export type PreviewState = { ok: true; preview: LeavePreview } | { ok: false; message?: string; fields?: Record<string, string> };

function revalidateLeave(id?: string) {
  revalidatePath("/leave");
  revalidatePath("/leave/approvals");
  revalidatePath("/leave/calendar");
  revalidatePath("/dashboard");
  if (id) revalidatePath(`/leave/${id}`);
}

// The request form's live preview: what the dates cost and leave, and what would be refused.
export async function previewLeaveRequestAction(values: Record<string, string>): Promise<PreviewState> {
  const user = await requireUser();
  const input = ZLeaveRequestInput.safeParse(values);
  const target = ZRequestFor.safeParse(values);
  if (!input.success || !target.success) {
    const state = fieldErrors((input.success ? target.error : input.error)!);
    return { ok: false, fields: state?.fields };
  }
  try {
    return { ok: true, preview: await previewLeaveRequest(user, input.data, { forEmployeeId: target.data.employeeId }) };
  } catch (error) {
    const state = await actionError(error);
    return { ok: false, message: state?.message, fields: state?.fields };
  }
}

export async function createLeaveRequestAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = formValues(form);
  const target = parseForm(form, ZRequestFor);
  if (!target.ok) return target.state;
  const input = parseForm(form, ZLeaveRequestInput);
  if (!input.ok) return input.state;
  let id: string;
  try {
    ({ id } = await createLeaveRequest(user, input.data, { forEmployeeId: target.data.employeeId }));
  } catch (error) {
    return actionError(error, values);
  }
  revalidateLeave(id);
  redirect(`/leave/${id}?notice=submitted`);
}

// A stale decision or cancellation is reported as such, with the way out: reload.
async function staleAware(error: unknown, values: Record<string, string>): Promise<FormState> {
  const state = await actionError(error, values);
  if (error instanceof AppError && error.code === "conflict") return { ...state, fields: { ...state?.fields, version: error.message } };
  return state;
}

// After a decision or cancellation the row that held the form changes or disappears, so the
// outcome is shown by the page it came from, as a notice named in the URL.
function backTo(values: Record<string, string>, notice: LeaveNotice): never {
  const page = ZReturnTo.safeParse(values.returnTo);
  redirect(`${page.success ? page.data : "/leave"}?notice=${notice}`);
}

export async function decideLeaveRequestAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = formValues(form);
  const target = parseForm(form, ZRequestTarget);
  if (!target.ok) return target.state;
  const input = parseForm(form, ZDecision);
  if (!input.ok) return input.state;
  let outcome: Awaited<ReturnType<typeof decideLeaveRequest>>;
  try {
    outcome = await decideLeaveRequest(user, target.data.id, target.data.version, input.data);
  } catch (error) {
    return staleAware(error, values);
  }
  revalidateLeave(target.data.id);
  backTo(values, decisionNotice(outcome));
}

function decisionNotice({ status, wasCancellation }: { status: LeaveRequestStatus; wasCancellation: boolean }): LeaveNotice {
  if (wasCancellation) return status === "CANCELLED" ? "cancellation-approved" : "cancellation-refused";
  if (status === "PENDING_HR") return "forwarded";
  return status === "REJECTED" ? "rejected" : "approved";
}

export async function cancelLeaveRequestAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = formValues(form);
  const target = parseForm(form, ZRequestTarget);
  if (!target.ok) return target.state;
  const input = parseForm(form, ZCancel);
  if (!input.ok) return input.state;
  let status: LeaveRequestStatus;
  try {
    ({ status } = await cancelLeaveRequest(user, target.data.id, target.data.version, input.data.reason));
  } catch (error) {
    return staleAware(error, values);
  }
  revalidateLeave(target.data.id);
  backTo(values, status === "CANCELLATION_PENDING" ? "cancellation-requested" : "cancelled");
}
