// Cross-site request forgery guard for route handlers that accept the session cookie, applied
// once in proxy.ts for every /api/ request. A request that changes something (not GET, HEAD or
// OPTIONS) and carries the session cookie without a bearer token must:
// - come from this site: an Origin whose host is the one the request was addressed to (browsers
//   send Origin on every such request; a request without one is refused too);
// - send JSON, which no other site's page can send without a CORS preflight this app never grants;
//   a bodiless DELETE needs no type. The CSV upload is multipart from the app's own page, so it is
//   held to the Origin check alone.
// Server actions have Next's own Origin check; bearer-token callers carry no ambient credential.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const MULTIPART_ROUTES = ["/api/employees/import"];

export type GuardRefusal = { status: 403 | 415; message: string };

export function checkCrossSite(request: { method: string; headers: Headers; pathname: string }, sessionCookie: string): GuardRefusal | null {
  if (SAFE_METHODS.has(request.method) || !request.pathname.startsWith("/api/")) return null;
  const headers = request.headers;
  if (headers.get("authorization")?.toLowerCase().startsWith("bearer ")) return null;
  if (!hasCookie(headers.get("cookie"), sessionCookie)) return null;

  if (!isSameOrigin(headers)) return { status: 403, message: "Cross-site request refused: send it from this site, or use a personal access token." };
  const type = headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (MULTIPART_ROUTES.includes(request.pathname)) return null;
  if (type === "application/json" || (!type && request.method === "DELETE")) return null;
  return { status: 415, message: "Send the request body as JSON (Content-Type: application/json)." };
}

function hasCookie(header: string | null, name: string): boolean {
  return Boolean(header?.split(";").some((part) => part.trim().startsWith(`${name}=`)));
}

function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const addressed = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
  return Boolean(addressed) && host.toLowerCase() === addressed!.toLowerCase();
}
