"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
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
  try {
    const result = await signIn({ ...input.data, address: clientAddress(requestHeaders), userAgent: requestHeaders.get("user-agent") });
    if (result.kind === "second-factor") return { ok: false, message: "This account uses two-factor sign-in.", values };
    await setSessionCookie(result.token, result.maxAgeSeconds);
  } catch (error) {
    return actionError(error, values);
  }
  redirect(safeNextPath(form.get("next")));
}
