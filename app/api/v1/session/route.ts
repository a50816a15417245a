import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { serializeSessionUser } from "@/lib/api/serialize";
import { clientAddress } from "@/lib/auth/client-address";
import { clearSessionCookie, setSessionCookie } from "@/lib/auth/session-cookie";
import { readSessionToken, SESSION_COOKIE } from "@/lib/auth/session-token";
import { endSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/api/api-error";
import { publicApiRoute } from "@/lib/api/api-route";
import { ZSignIn } from "@/lib/validations/auth";

export const dynamic = "force-dynamic";

// POST /api/v1/session - sign in with email and password; sets the session cookie and returns the user
export const POST = publicApiRoute(async ({ request }) => {
  // JSON only: a cross-site HTML form cannot send it, so no other site can sign a visitor in.
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    throw new AppError("bad_request", "Send the credentials as JSON (Content-Type: application/json).");
  }
  const input = ZSignIn.parse(await readJson(request));
  const result = await signIn({ ...input, address: clientAddress(request.headers), userAgent: request.headers.get("user-agent") });
  // Accounts with two-factor sign-in (or due to enrol) finish in the browser, where those steps live.
  if (result.kind !== "signed-in")
    throw new AppError("unauthorized", "This account signs in with a second factor: sign in on the sign-in page, or use a personal access token.");
  await setSessionCookie(result.token, result.maxAgeSeconds);
  return NextResponse.json({ data: serializeSessionUser(result.user) });
});

// DELETE /api/v1/session - sign out: ends this session and clears the cookie (signed in or not, so it is safe to repeat)
export const DELETE = publicApiRoute(async () => {
  const claims = await readSessionToken((await cookies()).get(SESSION_COOKIE)?.value);
  if (claims) await endSession(claims.sessionId, "sign-out");
  await clearSessionCookie();
  return new NextResponse(null, { status: 204 });
});
