"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { setSessionCookie } from "@/lib/auth/session-cookie";
import { signIn } from "@/lib/auth/sign-in";
import { actionError, fieldErrors, formValues, type FormState } from "@/lib/forms";
import { safeNextPath, ZSignIn } from "@/lib/validations/auth";

export async function signInAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  delete values.password;
  const input = ZSignIn.safeParse(Object.fromEntries(form));
  if (!input.success) return fieldErrors(input.error, values);
  const requestHeaders = await headers();
  const address = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim() || requestHeaders.get("x-real-ip") || null;
  try {
    const session = await signIn({ ...input.data, address });
    await setSessionCookie(session.token, session.maxAgeSeconds);
  } catch (error) {
    return actionError(error, values);
  }
  redirect(safeNextPath(form.get("next")));
}
