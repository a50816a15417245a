"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { EMPLOYEE_STATUS_LABELS } from "@/lib/employees/format";
import { changeEmployeeStatus, createEmployee, updateEmployee, updateOwnContact } from "@/lib/employees/save-employee";
import { AppError } from "@/lib/errors";
import { actionError, type FormState, formValues, parseForm } from "@/lib/forms";
import { ZEmployeeInput, ZOwnContact, ZStatusChange, ZVersion } from "@/lib/validations/employees";

// Which record an edit form was opened on, and at which version (for optimistic concurrency).
const ZTarget = z.object({ id: z.string().min(1, "The form is missing the employee; reload the page.").max(64), version: ZVersion });

// A stale edit is reported on the hidden `version` field, so the form can show it prominently with
// a way to reload, rather than as one more message among field errors.
async function editError(error: unknown, values: Record<string, string>): Promise<FormState> {
  const state = await actionError(error, values);
  if (error instanceof AppError && error.code === "conflict") return { ...state, fields: { version: error.message } };
  return state;
}

function revalidateEmployee(id: string) {
  revalidatePath("/employees");
  revalidatePath(`/employees/${id}`);
}

export async function createEmployeeAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("employees:create");
  const input = parseForm(form, ZEmployeeInput);
  if (!input.ok) return input.state;
  const { values } = input;
  let id: string;
  try {
    ({ id } = await createEmployee(user, input.data));
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath("/employees");
  redirect(`/employees/${id}?created=1`);
}

export async function updateEmployeeAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("employees:update");
  const values = formValues(form);
  const target = parseForm(form, ZTarget);
  if (!target.ok) return target.state;
  const input = parseForm(form, ZEmployeeInput);
  if (!input.ok) return input.state;
  try {
    await updateEmployee(user, target.data.id, target.data.version, input.data);
  } catch (error) {
    return editError(error, values);
  }
  revalidateEmployee(target.data.id);
  redirect(`/employees/${target.data.id}?saved=profile`);
}

export async function changeStatusAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("employees:change-status");
  const values = formValues(form);
  const target = parseForm(form, ZTarget);
  if (!target.ok) return target.state;
  const input = parseForm(form, ZStatusChange);
  if (!input.ok) return input.state;
  let status: keyof typeof EMPLOYEE_STATUS_LABELS;
  try {
    ({ status } = await changeEmployeeStatus(user, target.data.id, target.data.version, input.data));
  } catch (error) {
    return editError(error, values);
  }
  revalidateEmployee(target.data.id);
  // A termination dated ahead is scheduled: the status changes on the exit date.
  if (input.data.status === "TERMINATED" && status !== "TERMINATED")
    return { ok: true, message: `Leaving scheduled for ${input.data.exitDate!.toISOString().slice(0, 10)}.` };
  return { ok: true, message: `Status changed to ${EMPLOYEE_STATUS_LABELS[status].toLowerCase()}.` };
}

export async function updateOwnContactAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("employees:update-own-contact");
  const values = formValues(form);
  const target = parseForm(form, ZTarget);
  if (!target.ok) return target.state;
  const input = parseForm(form, ZOwnContact);
  if (!input.ok) return input.state;
  try {
    await updateOwnContact(user, target.data.id, target.data.version, input.data);
  } catch (error) {
    return editError(error, values);
  }
  revalidateEmployee(target.data.id);
  redirect(`/employees/${target.data.id}?tab=contact&saved=contact`);
}
