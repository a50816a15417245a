"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { endOwnSession, endUserSessions } from "@/lib/auth/sessions";
import { actionError, type FormState } from "@/lib/forms";

const ZSessionId = z.object({ sessionId: z.string().min(1).max(64) });

export async function endSessionAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = ZSessionId.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, message: "That session is not valid." };
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
