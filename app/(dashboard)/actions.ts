"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { readSessionToken, SESSION_COOKIE } from "@/lib/auth/session-token";
import { endSession } from "@/lib/auth/sessions";

// Ends the session itself, not only the cookie: a copy of the cookie stops working too.
export async function signOutAction(): Promise<void> {
  const claims = await readSessionToken((await cookies()).get(SESSION_COOKIE)?.value);
  if (claims) await endSession(claims.sessionId, "sign-out");
  await clearSessionCookie();
  redirect("/sign-in");
}
