"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { clearPendingCookie, setSessionCookie } from "@/lib/auth/session-cookie";
import { PENDING_COOKIE, readPendingToken } from "@/lib/auth/session-token";
import { completeSignIn, openSignedInUser } from "@/lib/auth/sign-in";
import { enableTwoFactor } from "@/lib/auth/totp";
import { db } from "@/lib/db";
import { actionError, type FormState, parseForm } from "@/lib/forms";
import { safeNextPath } from "@/lib/validations/auth";

const ZCode = z.object({ code: z.string().trim().min(1, "Enter the code from your app, or a recovery code.").max(40) });
const ZEnrol = z.object({ code: z.string().trim().min(1, "Enter the code your app shows.").max(10), secret: z.string().max(64) });

export type EnrolState = (NonNullable<FormState> & { recoveryCodes?: string[]; next?: string }) | null;

async function pending(purpose: "verify" | "enrol") {
  const found = await readPendingToken((await cookies()).get(PENDING_COOKIE)?.value);
  return found?.purpose === purpose ? found : null;
}

async function client() {
  const requestHeaders = await headers();
  return { address: clientAddress(requestHeaders), userAgent: requestHeaders.get("user-agent") };
}

// The second step: a code from the authenticator app, or a recovery code.
export async function verifyCodeAction(_previous: FormState, form: FormData): Promise<FormState> {
  const step = await pending("verify");
  if (!step) redirect("/sign-in");
  const input = parseForm(form, ZCode);
  if (!input.ok) return input.state;
  try {
    const session = await completeSignIn({ userId: step.userId, code: input.data.code, ...(await client()) });
    await setSessionCookie(session.token, session.maxAgeSeconds);
    await clearPendingCookie();
  } catch (error) {
    return actionError(error);
  }
  redirect(safeNextPath(form.get("next")));
}

// An admin without two-factor sign-in, while policy requires it, enrols before the session opens.
// The recovery codes are shown once (no cookie changes here, so the page keeps showing them);
// continuing opens the session.
export async function enrolAtSignInAction(_previous: EnrolState, form: FormData): Promise<EnrolState> {
  const step = await pending("enrol");
  if (!step) redirect("/sign-in");
  const input = parseForm(form, ZEnrol);
  if (!input.ok) return input.state;
  try {
    const recoveryCodes = await enableTwoFactor({ userId: step.userId, secret: input.data.secret, code: input.data.code });
    return { ok: true, message: "Two-factor sign-in is on.", recoveryCodes, next: safeNextPath(form.get("next")) };
  } catch (error) {
    return actionError(error);
  }
}

// After the recovery codes were shown: the session of the admin who enrolled in this pending step.
export async function finishEnrolmentAction(form: FormData): Promise<void> {
  const step = await pending("enrol");
  if (!step) redirect("/sign-in");
  const user = await db.user.findUnique({ where: { id: step.userId }, select: { totpEnabledAt: true } });
  if (!user?.totpEnabledAt || user.totpEnabledAt.getTime() < step.issuedAt - 5_000) redirect("/sign-in");
  const session = await openSignedInUser(step.userId, await client());
  await setSessionCookie(session.token, session.maxAgeSeconds);
  await clearPendingCookie();
  redirect(safeNextPath(form.get("next")));
}
