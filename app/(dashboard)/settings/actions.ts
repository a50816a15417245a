"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { asUser } from "@/lib/auth/actor";
import { createApiTokenWithPassword, revokeApiToken } from "@/lib/auth/api-tokens";
import { requirePermission, requireUser } from "@/lib/auth/current-user";
import { changePassword } from "@/lib/auth/sign-in";
import { recordFailure, retryAfterMs, waitMessage } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { actionError, type FormState, parseForm } from "@/lib/forms";
import { ZChangePassword, ZCreateToken } from "@/lib/validations/auth";

export type CreateTokenState = (NonNullable<FormState> & { token?: string; tokenName?: string }) | null;

const ZTokenId = z.object({ tokenId: z.string().min(1).max(64) });

// On success this browser stays signed in; every other session of the user ends, and the tokens
// too unless kept. Wrong current passwords are throttled like sign-ins, so a borrowed session
// cannot be used to guess the password.
export async function changePasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = parseForm(form, ZChangePassword);
  if (!input.ok) return input.state;
  const keys = { account: `change-password:${user.id}` };
  try {
    const wait = retryAfterMs(keys);
    if (wait > 0) throw new AppError("too_many_requests", `Too many wrong passwords. Try again in ${waitMessage(wait)}.`);
    const ended = await asUser(user, () =>
      changePassword(user.id, input.data.currentPassword, input.data.newPassword, { keepTokens: input.data.keepTokens, currentSessionId: user.sessionId }),
    );
    const tokens = ended.tokensEnded ? ` ${ended.tokensEnded} personal access token${ended.tokensEnded === 1 ? " was" : "s were"} revoked.` : "";
    return { ok: true, message: `Password changed. You stay signed in here; other browsers and devices were signed out.${tokens}` };
  } catch (error) {
    if (error instanceof AppError && error.fields?.currentPassword) recordFailure(keys);
    return actionError(error);
  }
}

export async function createTokenAction(_previous: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const user = await requirePermission("tokens:manage-own");
  const input = parseForm(form, ZCreateToken);
  if (!input.ok) return input.state;
  const { values } = input;
  const keys = { account: `change-password:${user.id}` };
  try {
    const wait = retryAfterMs(keys);
    if (wait > 0) throw new AppError("too_many_requests", `Too many wrong passwords. Try again in ${waitMessage(wait)}.`);
    const created = await asUser(user, () =>
      createApiTokenWithPassword({ userId: user.id, password: input.data.password, name: input.data.name, expiresInDays: input.data.expiresInDays }),
    ).catch((error: unknown) => {
      if (error instanceof AppError && error.fields?.password) recordFailure(keys);
      throw error;
    });
    revalidatePath("/settings");
    return { ok: true, message: `Token “${created.name}” created.`, token: created.token, tokenName: created.name };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function revokeTokenAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requirePermission("tokens:manage-own");
  const input = parseForm(form, ZTokenId);
  if (!input.ok) return { ok: false, message: "That token is not valid." };
  try {
    await asUser(user, () => revokeApiToken(user.id, input.data.tokenId));
    revalidatePath("/settings");
    return { ok: true, message: "Token revoked." };
  } catch (error) {
    return actionError(error);
  }
}
