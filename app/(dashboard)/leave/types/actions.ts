"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { actionError, fieldErrors, type FormState } from "@/lib/forms";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { createLeaveType, updateLeaveType } from "@/lib/leave-types/save-leave-type";
import { ZVersion } from "@/lib/validations/employees";
import { leaveTypeFormInput, ZLeaveTypeInput } from "@/lib/validations/leave-types";

// What the form sent, as strings, so a refused form shows what was typed and ticked.
function echo(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : String(value ?? "")]));
}

// A leave type's policy shapes every balance and request that uses it.
function revalidateLeaveTypes() {
  revalidatePath("/leave", "layout");
  revalidatePath("/dashboard");
}

export async function createLeaveTypeAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission(LEAVE_ADMIN);
  const raw = leaveTypeFormInput(form);
  const values = echo(raw);
  const input = ZLeaveTypeInput.safeParse(raw);
  if (!input.success) return fieldErrors(input.error, values);
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
  const raw = leaveTypeFormInput(form);
  const values = echo(raw);
  const id = typeof raw.id === "string" ? raw.id : "";
  const version = ZVersion.safeParse(raw.version);
  if (!id || !version.success) return { ok: false, message: "The form is missing its leave type or version; reload the page.", values };
  const input = ZLeaveTypeInput.safeParse(raw);
  if (!input.success) return fieldErrors(input.error, values);
  try {
    await updateLeaveType(user, id, version.data, input.data);
  } catch (error) {
    return actionError(error, values);
  }
  revalidateLeaveTypes();
  redirect(`/leave/types?saved=updated&name=${encodeURIComponent(input.data.name)}`);
}
