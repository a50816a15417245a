"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { createDepartment, updateDepartment } from "@/lib/departments/save-department";
import { actionError, type FormState, parseForm } from "@/lib/forms";
import { ZDepartmentInput } from "@/lib/validations/departments";
import { ZRecordRef } from "@/lib/validations/employees";

function revalidateDepartments(id: string) {
  revalidatePath("/departments");
  revalidatePath(`/departments/${id}`);
  revalidatePath("/org-chart");
  revalidatePath("/dashboard");
}

export async function createDepartmentAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("departments:write");
  const input = parseForm(form, ZDepartmentInput);
  if (!input.ok) return input.state;
  const { values } = input;
  let id: string;
  try {
    ({ id } = await createDepartment(user, input.data));
  } catch (error) {
    return actionError(error, values);
  }
  revalidateDepartments(id);
  redirect(`/departments/${id}?saved=created`);
}

export async function updateDepartmentAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("departments:write");
  const ref = parseForm(form, ZRecordRef);
  if (!ref.ok) return { ok: false, message: "The form is missing its department or version; reload the page.", values: ref.state?.values };
  const { id, version } = ref.data;
  const input = parseForm(form, ZDepartmentInput);
  if (!input.ok) return input.state;
  const { values } = input;
  try {
    await updateDepartment(user, id, version, input.data);
  } catch (error) {
    return actionError(error, values);
  }
  revalidateDepartments(id);
  redirect(`/departments/${id}?saved=updated`);
}
