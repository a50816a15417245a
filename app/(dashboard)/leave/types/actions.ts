"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { actionError, type FormState, parseForm } from "@/lib/forms";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { createLeaveType, updateLeaveType } from "@/lib/leave-types/save-leave-type";
import { ZRecordRef } from "@/lib/validations/employees";
import { leaveTypeFormInput, ZLeaveTypeInput } from "@/lib/validations/leave-types";

// A leave type's policy shapes every balance and request that uses it.
function revalidateLeaveTypes() {
  revalidatePath("/leave", "layout");
  revalidatePath("/dashboard");
}

export async function createLeaveTypeAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission(LEAVE_ADMIN);
  const input = parseForm(form, ZLeaveTypeInput, leaveTypeFormInput);
  if (!input.ok) return input.state;
  const { values } = input;
  try {
    await createLeaveType(user, input.data);
  } catch (error) {
    return actionError(error, values);
  }
  revalidateLeaveTypes();
  redirect(`/leave/types?saved=created&name=${encodeURIComponent(input.data.name)}`);
}

export async function updateLeaveTypeAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission(LEAVE_ADMIN);
  const ref = parseForm(form, ZRecordRef, leaveTypeFormInput);
  if (!ref.ok) return { ok: false, message: "The form is missing its leave type or version; reload the page.", values: ref.state?.values };
  const input = parseForm(form, ZLeaveTypeInput, leaveTypeFormInput);
  if (!input.ok) return input.state;
  const { values } = input;
  try {
    await updateLeaveType(user, ref.data.id, ref.data.version, input.data);
  } catch (error) {
    return actionError(error, values);
  }
  revalidateLeaveTypes();
  redirect(`/leave/types?saved=updated&name=${encodeURIComponent(input.data.name)}`);
}
