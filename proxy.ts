import { NextResponse, type NextRequest } from "next/server";
import { recordRequest } from "@/lib/db/status-store";
import { checkCrossSite } from "@/lib/api/cross-site-guard";

// Runs before every page and API request, reading in-memory state only (it never touches a
// database, so a hung PostgreSQL cannot slow it down):
// - counts the request against the database serving at this moment and names it in the
//   `x-db-backend` response header;
// - sends visitors without a session cookie to the sign-in page (an optimistic check: every page,
//   action and route checks the session and permission itself);
// - refuses cross-site requests to route handlers that take the session cookie
//   (lib/api/cross-site-guard.ts);
// - gives every request an id of its own (a client's x-request-id travels as x-client-request-id);
// - sets the security headers, with a per-request nonce for Next's inline scripts.
// API routes answer for themselves (401 JSON, bearer tokens); only pages redirect to sign in.
const PUBLIC_PATHS = ["/sign-in", "/sign-in/", "/api/"];
const SESSION_COOKIE = "hrms_session";

function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const backend = recordRequest();
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((path) => pathname === path || (path.endsWith("/") && pathname.startsWith(path)));

  if (!isPublic && !request.cookies.has(SESSION_COOKIE)) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("next", pathname + search);
    return NextResponse.redirect(signIn);
  }

  const refusal = checkCrossSite({ method: request.method, headers: request.headers, pathname }, SESSION_COOKIE);
  if (refusal) {
    const code = refusal.status === 403 ? "forbidden" : "unsupported_media_type";
    return NextResponse.json({ error: { code, message: refusal.message } }, { status: refusal.status, headers: { "x-db-backend": backend ?? "none" } });
  }

  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-pathname", pathname + search);
  // Audit rows and logs carry the app's own id; what a client sent is kept apart, never trusted.
  const requestId = crypto.randomUUID();
  requestHeaders.set("x-request-id", requestId);
  const clientRequestId = request.headers.get("x-request-id")?.slice(0, 100);
  if (clientRequestId) requestHeaders.set("x-client-request-id", clientRequestId);
  else requestHeaders.delete("x-client-request-id");

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (!response.headers.has("x-db-backend")) response.headers.set("x-db-backend", backend ?? "none");
  response.headers.set("x-request-id", requestId);
  response.headers.set("content-security-policy", csp);
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("permissions-policy", "camera=(), microphone=(), geolocation=()");
  return response;
}

export const config = {
  // Static assets are not served by a database; everything else passes through.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
