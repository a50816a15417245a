"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { setPendingCookie, setSessionCookie } from "@/lib/auth/session-cookie";
import { createPendingToken } from "@/lib/auth/session-token";
import { signIn } from "@/lib/auth/sign-in";
import { actionError, type FormState, parseForm } from "@/lib/forms";
import { safeNextPath, ZSignIn } from "@/lib/validations/auth";

// A right password signs in, or moves on to the second step (the code, or a forced enrolment)
// with a short-lived pending cookie.
export async function signInAction(_previous: FormState, form: FormData): Promise<FormState> {
  const input = parseForm(form, ZSignIn);
  if (!input.ok) return input.state;
  const { values } = input;
  const requestHeaders = await headers();
  const next = safeNextPath(form.get("next"));
  let step: string | null = null;
  try {
    const result = await signIn({ ...input.data, address: clientAddress(requestHeaders), userAgent: requestHeaders.get("user-agent") });
    if (result.kind === "signed-in") await setSessionCookie(result.token, result.maxAgeSeconds);
    else {
      await setPendingCookie(await createPendingToken({ userId: result.userId, purpose: result.kind === "enrol" ? "enrol" : "verify" }));
      step = result.kind === "enrol" ? "/sign-in/enrol" : "/sign-in/two-factor";
    }
  } catch (error) {
    return actionError(error, values);
  }
  redirect(step ? `${step}?next=${encodeURIComponent(next)}` : next);
}
