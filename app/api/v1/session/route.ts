import { NextResponse } from "next/server";
import { serializeSessionUser } from "@/lib/api/serialize";
import { clearSessionCookie, setSessionCookie } from "@/lib/auth/session-cookie";
import { signIn } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { handleApiError, readJson } from "@/lib/api/api-error";
import { ZSignIn } from "@/lib/validations/auth";

export const dynamic = "force-dynamic";

// The first address in x-forwarded-for is the client's (the proxy in front of the app appends);
// sign-in throttling counts failures per address as well as per account.
function clientAddress(request: Request): string | null {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || null;
}

// POST /api/v1/session - sign in with email and password; sets the session cookie and returns the user
export async function POST(request: Request) {
  try {
    // JSON only: a cross-site HTML form cannot send it, so no other site can sign a visitor in.
    if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
      throw new AppError("bad_request", "Send the credentials as JSON (Content-Type: application/json).");
    }
    const input = ZSignIn.parse(await readJson(request));
    const session = await signIn({ ...input, address: clientAddress(request) });
    await setSessionCookie(session.token, session.maxAgeSeconds);
    return NextResponse.json({ data: serializeSessionUser(session.user) });
  } catch (error) {
    return handleApiError(error, request);
  }
}

// DELETE /api/v1/session - sign out: clears the session cookie (signed in or not, so it is safe to repeat)
export async function DELETE(request: Request) {
  try {
    await clearSessionCookie();
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return handleApiError(error, request);
  }
}
