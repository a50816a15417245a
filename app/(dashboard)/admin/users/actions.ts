"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/current-user";
import { actionError, type FormState, parseForm } from "@/lib/forms";
import { createUserForEmployee } from "@/lib/users/create-user";
import { changeUserRole, setUserActive } from "@/lib/users/update-user";
import { ZChangeRole, ZCreateSignIn, ZSetActive } from "@/lib/users/validations";

export type CreateSignInState = (NonNullable<FormState> & { generatedPassword?: string; email?: string }) | null;

export async function changeRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePermission("users:manage");
  const input = parseForm(form, ZChangeRole);
  if (!input.ok) return input.state;
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
  const input = parseForm(form, ZSetActive);
  if (!input.ok) return input.state;
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
  const input = parseForm(form, ZCreateSignIn);
  if (!input.ok) return input.state;
  const { values } = input;
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
