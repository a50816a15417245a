"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/current-user";
import { actionError, fieldErrors, formValues, type FormState } from "@/lib/forms";
import { createUserForEmployee } from "@/lib/users/create-user";
import { changeUserRole, setUserActive } from "@/lib/users/update-user";
import { ZChangeRole, ZCreateSignIn, ZSetActive } from "@/lib/users/validations";

export type CreateSignInState = (NonNullable<FormState> & { generatedPassword?: string; email?: string }) | null;

export async function changeRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePermission("users:manage");
  const input = ZChangeRole.safeParse(Object.fromEntries(form));
  if (!input.success) return fieldErrors(input.error);
  try {
    await changeUserRole(actor, input.data.userId, input.data.role);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath("/admin/users");
  return { ok: true, message: "Role saved." };
}

export async function setActiveAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePermission("users:manage");
  const input = ZSetActive.safeParse(Object.fromEntries(form));
  if (!input.success) return fieldErrors(input.error);
  try {
    await setUserActive(actor, input.data.userId, input.data.isActive);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath("/admin/users");
  return { ok: true, message: input.data.isActive ? "Activated." : "Deactivated; their sessions and tokens stopped working." };
}

export async function createSignInAction(_previous: CreateSignInState, form: FormData): Promise<CreateSignInState> {
  const actor = await requirePermission("users:manage");
  const values = formValues(form);
  delete values.password;
  const input = ZCreateSignIn.safeParse(Object.fromEntries(form));
  if (!input.success) return fieldErrors(input.error, values);
  try {
    const created = await createUserForEmployee(actor, input.data);
    revalidatePath("/admin/users");
    return {
      ok: true,
      message: `Sign-in created for ${created.email}.`,
      email: created.email,
      ...(created.generatedPassword ? { generatedPassword: created.generatedPassword } : {}),
    };
  } catch (error) {
    return actionError(error, values);
  }
}
