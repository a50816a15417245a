import { NextResponse, type NextRequest } from "next/server";
import { recordRequest } from "@/lib/db/status-store";

// Runs before every page and API request: counts it against the database that is serving at this
// moment and names that database in the `x-db-backend` response header. It reads in-memory state
// only; it never touches a database, so a hung PostgreSQL cannot slow it down.
export function proxy(request: NextRequest) {
  const backend = recordRequest();
  const response = NextResponse.next();
  if (!response.headers.has("x-db-backend")) response.headers.set("x-db-backend", backend ?? "none");
  response.headers.set("x-request-id", request.headers.get("x-request-id") ?? crypto.randomUUID());
  return response;
}

export const config = {
  // Static assets are not served by a database; everything else is counted.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
