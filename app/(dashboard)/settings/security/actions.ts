"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { endOwnSession, endUserSessions } from "@/lib/auth/sessions";
import { recordFailure, retryAfterMs, waitMessage } from "@/lib/auth/throttle";
import { disableTwoFactor, enableTwoFactor } from "@/lib/auth/totp";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { actionError, type FormState, parseForm } from "@/lib/forms";

const ZSessionId = z.object({ sessionId: z.string().min(1).max(64) });

export async function endSessionAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = parseForm(form, ZSessionId);
  if (!input.ok) return { ok: false, message: "That session is not valid." };
  try {
    await endOwnSession(user.id, input.data.sessionId);
  } catch (error) {
    return actionError(error);
  }
  if (input.data.sessionId === user.sessionId) {
    await clearSessionCookie();
    redirect("/sign-in");
  }
  revalidatePath("/settings/security");
  return { ok: true, message: "Session ended." };
}

// Every session ends, this one too: the user signs in again here.
export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser();
  await endUserSessions(user.id, "sign-out-everywhere");
  await clearSessionCookie();
  redirect("/sign-in");
}

const ZEnableTwoFactor = z.object({
  secret: z.string().max(64),
  code: z.string().trim().min(1, "Enter the code your app shows.").max(10),
  password: z.string().min(1, "Enter your password.").max(200),
});
const ZPassword = z.object({ password: z.string().min(1, "Enter your password.").max(200) });

export type EnableTwoFactorState = (NonNullable<FormState> & { recoveryCodes?: string[] }) | null;

// Wrong passwords here are throttled like the password change, so a borrowed session cannot guess.
async function throttled<T>(userId: string, work: () => Promise<T>): Promise<T> {
  const keys = { account: `change-password:${userId}` };
  const wait = retryAfterMs(keys);
  if (wait > 0) throw new AppError("too_many_requests", `Too many wrong passwords. Try again in ${waitMessage(wait)}.`);
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.fields?.password) recordFailure(keys);
    throw error;
  }
}

export async function enableTwoFactorAction(_previous: EnableTwoFactorState, form: FormData): Promise<EnableTwoFactorState> {
  const user = await requireUser();
  const input = parseForm(form, ZEnableTwoFactor);
  if (!input.ok) return input.state;
  try {
    // Not through asUser: the audit trail would record the TOTP secret, which it does not redact.
    const recoveryCodes = await throttled(user.id, () => enableTwoFactor({ userId: user.id, ...input.data }));
    // No revalidation: the page would re-render without the form that shows the codes, once.
    return { ok: true, message: "Two-factor sign-in is on. From now on you sign in with your password and a code.", recoveryCodes };
  } catch (error) {
    return actionError(error);
  }
}

export async function disableTwoFactorAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = parseForm(form, ZPassword);
  if (!input.ok) return input.state;
  if (user.role === "ADMIN" && env().isAdminTwoFactorRequired) return { ok: false, message: "Admins must keep two-factor sign-in on." };
  try {
    await throttled(user.id, () => disableTwoFactor({ userId: user.id, password: input.data.password }));
  } catch (error) {
    return actionError(error);
  }
  revalidatePath("/settings/security");
  return { ok: true, message: "Two-factor sign-in is off." };
}
