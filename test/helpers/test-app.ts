import { jar } from "./next-headers";
import { setUpSqliteDatabase } from "./services";

// Learnt from lib/auth/session-token when the basics are imported (importing it earlier would read
// the environment before the test has set it).
let sessionCookieName = "";

// The modules most integration tests reach for. lib/env reads the environment once, on the first
// import of lib/db, so these are imported only after the test has pointed it at its own database.
export async function importAppBasics() {
  const dbModule = await import("@/lib/db");
  const demo = await import("@/lib/seed/demo-data");
  const sessionToken = await import("@/lib/auth/session-token");
  const apiTokens = await import("@/lib/auth/api-tokens");
  sessionCookieName = sessionToken.SESSION_COOKIE;
  return {
    db: dbModule.db,
    dbStatus: dbModule.dbStatus,
    closeDatabase: dbModule.closeDatabase,
    seedDemoData: demo.seedDemoData,
    DEMO_PASSWORD: demo.DEMO_PASSWORD,
    SESSION_COOKIE: sessionToken.SESSION_COOKIE,
    createApiToken: apiTokens.createApiToken,
  };
}

// A fresh SQLite database of the test's own, then the basics and whatever else the test imports.
export async function openSqliteApp<T extends object>(label: string, importMore: () => Promise<T>) {
  await setUpSqliteDatabase(label);
  const basics = await importAppBasics();
  return { ...basics, ...(await importMore()) };
}

export type RouteCall<TParams = Record<string, string>> = {
  method?: string;
  path?: string;
  token?: string;
  // The session cookie's value, sent under the name lib/auth/session-token gives it.
  cookie?: string;
  body?: unknown;
  rawBody?: string;
  params?: TParams;
  headers?: HeadersInit;
};

export type RouteReply<TBody> = {
  status: number;
  headers: Headers;
  text: string;
  // The parsed JSON body, or null when the answer is empty or not JSON.
  body: TBody;
  // The session cookie the handler set or deleted, if it did.
  sessionCookie: { value: string; maxAge?: number } | undefined;
};

// Calls a route handler the way Next would: the bearer token and JSON body as headers, the session
// cookie through the next/headers stand-in (importAppBasics first), the dynamic segments as params.
export async function callRoute<TBody = unknown, TParams = Record<string, string>>(
  handler: (request: Request, context: { params: Promise<TParams> }) => Promise<Response>,
  { method = "GET", path = "/api", token, cookie, body, rawBody, params = {} as TParams, headers }: RouteCall<TParams> = {},
): Promise<RouteReply<TBody>> {
  const requestHeaders = new Headers(headers);
  if (token) requestHeaders.set("authorization", `Bearer ${token}`);
  if (body !== undefined || rawBody !== undefined) requestHeaders.set("content-type", "application/json");
  jar.incoming = new Map(cookie ? [[sessionCookieName, cookie]] : []);
  jar.outgoing = new Map();
  const request = new Request(`http://test${path}`, {
    method,
    headers: requestHeaders,
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json");
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: isJson && text ? JSON.parse(text) : null,
    sessionCookie: jar.outgoing.get(sessionCookieName),
  };
}

export type DemoRole = "ADMIN" | "HR" | "MANAGER" | "EMPLOYEE";

// The demo organisation as it stood on `today`, on a fresh SQLite database, with an API token and
// the employee record of each role's demo user, for tests that call route handlers as those users.
export async function openDemoApiApp<T extends object>(label: string, today: Date, importMore: () => Promise<T>) {
  const app = await openSqliteApp(label, importMore);
  await app.seedDemoData(today);
  const tokens = {} as Record<DemoRole, string>;
  const employeeIds = {} as Record<DemoRole, string | null>;
  for (const user of await app.db.user.findMany({ select: { id: true, role: true, employeeId: true } })) {
    tokens[user.role] = (await app.createApiToken(user.id, "contract", null)).token;
    employeeIds[user.role] = user.employeeId;
  }
  return { ...app, tokens, employeeIds };
}

// A route handler with an `id` segment, and a JSON body as the tests read it.
export type IdRouteHandler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
