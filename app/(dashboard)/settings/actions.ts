"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { asUser } from "@/lib/auth/actor";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { requirePermission, requireUser } from "@/lib/auth/current-user";
import { setSessionCookie } from "@/lib/auth/session-cookie";
import { changePassword } from "@/lib/auth/sign-in";
import { recordFailure, retryAfterMs } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { actionError, fieldErrors, type FormState, parseForm } from "@/lib/forms";
import { ZChangePassword, ZCreateToken } from "@/lib/validations/auth";

export type CreateTokenState = (NonNullable<FormState> & { token?: string; tokenName?: string }) | null;

const ZTokenId = z.object({ tokenId: z.string().min(1).max(64) });

// On success this browser gets a fresh session cookie; every other session of the user ends
// (changePassword moves sessionsValidFrom). Wrong current passwords are throttled like sign-ins,
// so a borrowed session cannot be used to guess the password.
export async function changePasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = ZChangePassword.safeParse(Object.fromEntries(form));
  if (!input.success) return fieldErrors(input.error);
  const keys = { account: `change-password:${user.id}` };
  try {
    const wait = retryAfterMs(keys);
    if (wait > 0) throw new AppError("too_many_requests", `Too many wrong passwords. Try again in ${Math.ceil(wait / 60_000)} minutes.`);
    const session = await asUser(user, () => changePassword(user.id, input.data.currentPassword, input.data.newPassword));
    await setSessionCookie(session.token, session.maxAgeSeconds);
  } catch (error) {
    if (error instanceof AppError && error.fields?.currentPassword) recordFailure(keys);
    return actionError(error);
  }
  return { ok: true, message: "Password changed. You stay signed in here; other browsers and devices were signed out." };
}

export async function createTokenAction(_previous: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const user = await requirePermission("tokens:manage-own");
  const input = parseForm(form, ZCreateToken);
  if (!input.ok) return input.state;
  const { values } = input;
  try {
    const created = await asUser(user, () => createApiToken(user.id, input.data.name, input.data.expiresInDays));
    revalidatePath("/settings");
    return { ok: true, message: `Token “${created.name}” created.`, token: created.token, tokenName: created.name };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function revokeTokenAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("tokens:manage-own");
  const input = ZTokenId.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, message: "That token is not valid." };
  try {
    await asUser(user, () => revokeApiToken(user.id, input.data.tokenId));
    revalidatePath("/settings");
    return { ok: true, message: "Token revoked." };
  } catch (error) {
    return actionError(error);
  }
}
