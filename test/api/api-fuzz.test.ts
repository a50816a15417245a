// Bad input at every API route: a seeded generator (same cases every run; FUZZ_SEED picks others)
// sends hundreds of malformed bodies, query strings, ids and credentials to each route handler.
// Whatever arrives, the answer is never a 5xx, and every error has the documented shape.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seededRandom } from "@/test/helpers/db-query";
import { openSqliteApp } from "@/test/helpers/test-app";

vi.mock("next/headers", () => import("@/test/helpers/next-headers"));

// Taken before any request, to show afterwards that no body polluted the shared prototype.
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
const CASES_PER_ROUTE = 300;

const STRINGS = [
  "",
  " ",
  "\t\n\r",
  "a".repeat(10_000),
  "x".repeat(300),
  "Ünïcødé",
  "𝕳𝖊𝖑𝖑𝖔",
  "👩‍💻🏳️‍🌈",
  "مرحبا بالعالم",
  "日本語テキスト",
  "e\u0301",
  "\u202Eevil",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uFEFF",
  "' OR '1'='1",
  '1; DROP TABLE "Employee";--',
  '" OR ""="',
  "%",
  "_",
  "%_%",
  "\\",
  "\\\\'",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "${7*7}",
  "{{7*7}}",
  "2024-02-30",
  "2024-13-01",
  "0000-00-00",
  "9999-12-31",
  "2024-1-1",
  "24-01-01",
  "yesterday",
  "2024-01-01T00:00:00Z",
  "+275760-09-13",
  "-000001-01-01",
  "NaN",
  "Infinity",
  "-Infinity",
  "-1",
  "0",
  "1",
  "1.5",
  "1e308",
  "1e400",
  "12abc",
  "0x1F",
  " 42 ",
  "1,000",
  "true",
  "false",
  "null",
  "undefined",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "ACTIVE",
  "TERMINATED",
  "FULL_TIME",
  "asc",
  "name",
  "admin@example.com",
  "a@b",
  "@",
  "a@b.c",
  "x@example.com\nBcc: y@example.com",
  "USD",
  "usd",
  "E1001",
  "ENG",
];
const NUMBERS = [0, -0, -1, 1, 1.5, 0.001, 2 ** 31 - 1, 2 ** 31, 2 ** 53 + 1, -(2 ** 53), 1e308, 1e-308, 100_000_000, 99_999_999.99, Number.MAX_SAFE_INTEGER];
const WEIRD_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "",
  " ",
  "a".repeat(500),
  "$where",
  "id",
  "version",
  "passwordHash",
  "role",
  "isActive",
  "salaryCents",
];
const RAW_BODIES = [
  "{",
  "[",
  "}",
  "nul",
  "tru",
  "{'single': 'quotes'}",
  '{"a":}',
  '{"a" 1}',
  '"unterminated',
  "[1,2,",
  "\u0000",
  "\uFEFF{}",
  '{"a":1}garbage',
  "NaN",
  "undefined",
  "[".repeat(5_000) + "]".repeat(5_000),
  "[".repeat(200_000),
  '{"a":'.repeat(3_000) + "1" + "}".repeat(3_000),
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"__proto__":null}',
  " ",
  "\n",
  "null",
  "true",
  "0",
  '"string"',
  "[]",
  "{}",
  "x".repeat(1_100_000),
];

type Random = ReturnType<typeof seededRandom>;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function weirdValue(random: Random, depth = 0): unknown {
  const roll = random();
  if (roll < 0.35) return pick(random, STRINGS);
  if (roll < 0.5) return pick(random, NUMBERS);
  if (roll < 0.58) return pick(random, [true, false, null]);
  if (roll < 0.7 || depth > 3) return depth > 3 ? null : Array.from({ length: Math.floor(random() * 4) }, () => weirdValue(random, depth + 1));
  if (roll < 0.8)
    return JSON.parse(
      pick(random, [
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '{"amount":"12","currency":{}}',
        '{"amount":1e12,"currency":"EUR"}',
      ]),
    );
  const nested: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 4); i > 0; i--) nested[pick(random, [...WEIRD_KEYS, "a", "b"])] = weirdValue(random, depth + 1);
  return nested;
}

// A body built from a valid one: fields replaced, removed or added, or the whole thing swapped
// for something else; sometimes raw text that is not JSON at all.
function mutateBody(random: Random, valid: Record<string, unknown>): { json?: unknown; raw?: string } {
  const roll = random();
  if (roll < 0.12) return { raw: pick(random, RAW_BODIES) };
  if (roll < 0.22) return { json: weirdValue(random) };
  const body: Record<string, unknown> = { ...valid };
  const keys = Object.keys(valid);
  for (let changes = 1 + Math.floor(random() * 3); changes > 0; changes--) {
    const action = random();
    if (action < 0.6) body[pick(random, keys)] = weirdValue(random);
    else if (action < 0.8) delete body[pick(random, keys)];
    else Object.defineProperty(body, pick(random, WEIRD_KEYS), { value: weirdValue(random), enumerable: true, configurable: true, writable: true });
  }
  return { json: body };
}

function weirdQuery(random: Random): string {
  const roll = random();
  if (roll < 0.1)
    return pick(random, ["?%", "?%zz=1", "?&&&", "?=", "?page", "?page[]=1&page[]=2", "?q=%00", "?" + "q=a&".repeat(2_000), "?pageSize=1e400", "?page=-0"]);
  const params = new URLSearchParams();
  for (let i = Math.floor(random() * 5); i > 0; i--) {
    const key = pick(random, ["q", "query", "department", "status", "sort", "dir", "page", "pageSize", "page", "pageSize", ...WEIRD_KEYS.slice(0, 4)]);
    const value = weirdValue(random);
    params.append(key, typeof value === "string" ? value.replace(/\uD800/g, "") : (JSON.stringify(value) ?? ""));
  }
  return `?${params}`;
}

function weirdId(random: Random): string {
  return pick(random, [
    ...STRINGS.filter((value) => !value.includes("\uD800")),
    "0".repeat(64),
    "01a21973-2f8e-769a-8ba8-73a0900843da",
    "%2e%2e%2f",
    "id?x=1",
    "a/b",
    "*",
    "a".repeat(100_000),
  ]);
}

let app: Awaited<ReturnType<typeof load>>;
const tokens: Record<string, string> = {};
let serial = 0;

function load() {
  return openSqliteApp("api-fuzz", async () => ({
    seed: await import("@/lib/seed/demo-data"),
    session: await import("@/app/api/v1/session/route"),
    employees: await import("@/app/api/v1/employees/route"),
    employee: await import("@/app/api/v1/employees/[id]/route"),
    departments: await import("@/app/api/v1/departments/route"),
    department: await import("@/app/api/v1/departments/[id]/route"),
  }));
}

function credentials(random: Random): string | null {
  const roll = random();
  if (roll < 0.7) return `Bearer ${tokens.ADMIN}`;
  if (roll < 0.8) return `Bearer ${pick(random, [tokens.HR, tokens.MANAGER, tokens.EMPLOYEE])}`;
  return pick(random, [
    null,
    "Bearer",
    "Bearer ",
    "Bearer hrms_",
    `Bearer hrms_${"x".repeat(500)}`,
    "Basic YWRtaW46YWRtaW4=",
    "bearer  " + tokens.ADMIN,
    `Bearer ${tokens.ADMIN}x`,
    "Token abc",
    "Bearer ' OR 1=1 --",
  ]);
}

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
type Case = { method: string; query?: string; id?: string; json?: unknown; raw?: string; form?: FormData; contentType?: string; authorization?: string | null };

// Sends one case and returns a description of what was wrong with the answer, or null.
async function send(handler: Handler, input: Case, isV1: boolean): Promise<string | null> {
  const headers = new Headers();
  if (input.authorization) headers.set("authorization", input.authorization);
  const hasBody = input.json !== undefined || input.raw !== undefined;
  if (hasBody) headers.set("content-type", input.contentType ?? "application/json");
  const payload = input.form ?? (hasBody ? (input.raw ?? JSON.stringify(input.json)) : undefined);
  const request = new Request(`http://test/api/v1/fuzz${input.query ?? ""}`, { method: input.method, headers, body: payload });
  let response: Response;
  try {
    response = await handler(request, { params: Promise.resolve({ id: input.id ?? "" }) });
  } catch (error) {
    return `threw ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`;
  }
  const text = await response.text();
  if (response.status >= 500) return `answered ${response.status}: ${text.slice(0, 200)}`;
  if (response.status === 204) return text ? "204 with a body" : null;
  // Only /api/v1 promises { data }; the CSV routes answer with files and previews of their own.
  if (response.status < 300 && (!isV1 || !response.headers.get("content-type")?.includes("json"))) return null;
  let body: { data?: unknown; error?: { code?: unknown; message?: unknown; fields?: unknown } };
  try {
    body = JSON.parse(text);
  } catch {
    return `answered ${response.status} with a body that is not JSON`;
  }
  if (response.status >= 400) {
    const error = body.error;
    if (!error || typeof error.code !== "string" || typeof error.message !== "string")
      return `answered ${response.status} without { error: { code, message } }: ${text.slice(0, 200)}`;
    if (error.fields !== undefined && (typeof error.fields !== "object" || Object.values(error.fields as object).some((value) => typeof value !== "string")))
      return `answered ${response.status} with malformed fields`;
    return null;
  }
  return "data" in body ? null : `answered ${response.status} without { data }`;
}

function describeCase(input: Case): string {
  const shown =
    JSON.stringify({
      ...input,
      form: input.form ? "(multipart)" : undefined,
      authorization: input.authorization ? input.authorization.slice(0, 20) : input.authorization,
    }) ?? "";
  return shown.length > 300 ? `${shown.slice(0, 300)}…` : shown;
}

async function fuzz(label: string, handler: Handler, makeCase: (random: Random, index: number) => Promise<Case> | Case, isV1 = true): Promise<string[]> {
  const random = seededRandom(SEED ^ [...label].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16_777_619), 2_166_136_261));
  const failures: string[] = [];
  for (let index = 0; index < CASES_PER_ROUTE; index++) {
    const input = await makeCase(random, index);
    const problem = await send(handler, input, isV1);
    if (problem) failures.push(`#${index} ${problem} <- ${describeCase(input)}`);
  }
  return failures;
}

function validEmployee(): Record<string, unknown> {
  serial += 1;
  return {
    employeeNumber: `FZ-${serial}`,
    firstName: "Fuzz",
    lastName: `Case ${serial}`,
    workEmail: `fuzz.${serial}@example.com`,
    jobTitle: "Tester",
    employmentType: "FULL_TIME",
    hireDate: "2023-05-01",
    salary: 40_000,
    salaryCurrency: "GBP",
    phone: "+44 20 7946 0001",
    dateOfBirth: "1990-01-01",
  };
}

let employeeIds: string[] = [];
let departmentIds: string[] = [];

beforeAll(async () => {
  app = await load();
  await app.seed.seedDemoData();
  for (const user of await app.db.user.findMany({ select: { id: true, role: true } }))
    tokens[user.role] = (await app.createApiToken(user.id, "fuzz", null)).token;
  employeeIds = (await app.db.employee.findMany({ select: { id: true }, take: 10 })).map((row) => row.id);
  departmentIds = (await app.db.department.findMany({ select: { id: true } })).map((row) => row.id);
});

afterAll(async () => {
  await app?.closeDatabase();
});

describe(`bad input at every API route (seed ${SEED}, ${CASES_PER_ROUTE} cases each)`, () => {
  it("POST /api/v1/session", { timeout: 180_000 }, async () => {
    const failures = await fuzz("session", app.session.POST, (random) => ({
      method: "POST",
      ...mutateBody(random, { email: pick(random, ["admin@example.com", `nobody.${serial++}@example.com`]), password: "wrong-password" }),
    }));
    expect(failures).toEqual([]);
  });

  it("DELETE /api/v1/session", async () => {
    const failures = await fuzz("session-delete", app.session.DELETE, (random) => ({
      method: "DELETE",
      authorization: credentials(random),
      ...mutateBody(random, {}),
    }));
    expect(failures).toEqual([]);
  });

  it("GET /api/v1/employees", { timeout: 120_000 }, async () => {
    const failures = await fuzz("employees-list", app.employees.GET, (random) => ({
      method: "GET",
      query: weirdQuery(random),
      authorization: credentials(random),
    }));
    expect(failures).toEqual([]);
  });

  it("POST /api/v1/employees", { timeout: 120_000 }, async () => {
    const failures = await fuzz("employees-create", app.employees.POST, (random) => ({
      method: "POST",
      authorization: credentials(random),
      ...mutateBody(random, { ...validEmployee(), departmentId: pick(random, departmentIds), managerId: pick(random, employeeIds) }),
    }));
    expect(failures).toEqual([]);
  });

  it("GET /api/v1/employees/:id", { timeout: 120_000 }, async () => {
    const failures = await fuzz("employees-get", app.employee.GET, (random) => ({
      method: "GET",
      id: random() < 0.2 ? pick(random, employeeIds) : weirdId(random),
      authorization: credentials(random),
    }));
    expect(failures).toEqual([]);
  });

  it("PATCH /api/v1/employees/:id", { timeout: 120_000 }, async () => {
    const failures = await fuzz("employees-patch", app.employee.PATCH, async (random) => {
      const id = random() < 0.8 ? pick(random, employeeIds) : weirdId(random);
      const current = await app.db.employee.findUnique({ where: { id }, select: { version: true } });
      // Unique fields stay as they are, so most cases reach validation rather than a duplicate.
      const partial = validEmployee();
      delete partial.employeeNumber;
      delete partial.workEmail;
      return { method: "PATCH", id, authorization: credentials(random), ...mutateBody(random, { ...partial, version: current?.version ?? 1 }) };
    });
    expect(failures).toEqual([]);
  });

  it("GET /api/v1/departments", { timeout: 120_000 }, async () => {
    const failures = await fuzz("departments-list", app.departments.GET, (random) => ({
      method: "GET",
      query: weirdQuery(random),
      authorization: credentials(random),
    }));
    expect(failures).toEqual([]);
  });

  it("POST /api/v1/departments", { timeout: 120_000 }, async () => {
    const failures = await fuzz("departments-create", app.departments.POST, (random) => {
      serial += 1;
      return {
        method: "POST",
        authorization: credentials(random),
        ...mutateBody(random, { name: `Fuzz ${serial}`, code: `FZ${serial}`, parentId: pick(random, departmentIds), headId: pick(random, employeeIds) }),
      };
    });
    expect(failures).toEqual([]);
  });

  it("GET /api/v1/departments/:id", { timeout: 120_000 }, async () => {
    const failures = await fuzz("departments-get", app.department.GET, (random) => ({
      method: "GET",
      id: random() < 0.2 ? pick(random, departmentIds) : weirdId(random),
      authorization: credentials(random),
    }));
    expect(failures).toEqual([]);
  });

  it("PATCH /api/v1/departments/:id", { timeout: 120_000 }, async () => {
    const failures = await fuzz("departments-patch", app.department.PATCH, async (random) => {
      const id = random() < 0.8 ? pick(random, departmentIds) : weirdId(random);
      const current = await app.db.department.findUnique({ where: { id }, select: { version: true } });
      return {
        method: "PATCH",
        id,
        authorization: credentials(random),
        ...mutateBody(random, { name: `Renamed ${serial++}`, parentId: null, headId: pick(random, employeeIds), version: current?.version ?? 1 }),
      };
    });
    expect(failures).toEqual([]);
  });

  // The CSV routes are another engineer's; they are fuzzed too once their files exist.
  const importRoute = resolve(process.cwd(), "app/api/employees/import/route.ts");
  const exportRoute = resolve(process.cwd(), "app/api/employees/export/route.ts");
  const CSV_HEADER = "employeeNumber,firstName,lastName,workEmail,jobTitle,employmentType,hireDate";

  it.runIf(existsSync(importRoute))("POST /api/employees/import", { timeout: 180_000 }, async () => {
    const { POST } = (await import(/* @vite-ignore */ importRoute)) as { POST: Handler };
    const failures = await fuzz(
      "employees-import",
      POST,
      (random) => {
        const cells = () => Array.from({ length: Math.floor(random() * 9) }, () => String(pick(random, [...STRINGS, ...NUMBERS])).replace(/\uD800/g, ""));
        const lines = Array.from({ length: Math.floor(random() * 5) }, () => cells().join(pick(random, [",", ";", "\t", '"', ",,"])));
        const csv = [pick(random, [CSV_HEADER, CSV_HEADER.toUpperCase(), "", "\uFEFF" + CSV_HEADER, cells().join(",")]), ...lines].join(
          pick(random, ["\n", "\r\n", "\r"]),
        );
        const query = pick(random, ["?mode=preview", "?mode=preview", "?mode=commit", "", "?mode=%00", "?mode=PREVIEW&mode=commit"]);
        if (random() < 0.3) {
          const form = new FormData();
          if (random() < 0.8)
            form.set(pick(random, ["file", "file", "csv", "__proto__"]), random() < 0.8 ? new File([csv], "e.csv", { type: "text/csv" }) : csv);
          return { method: "POST", query, form, authorization: credentials(random) };
        }
        return {
          method: "POST",
          query,
          raw: random() < 0.9 ? csv : pick(random, RAW_BODIES),
          contentType: pick(random, ["text/csv", "multipart/form-data", "multipart/form-data; boundary=x", "application/json", "text/plain"]),
          authorization: credentials(random),
        };
      },
      false,
    );
    expect(failures).toEqual([]);
  });

  it.runIf(existsSync(exportRoute))("GET /api/employees/export", { timeout: 180_000 }, async () => {
    const { GET } = (await import(/* @vite-ignore */ exportRoute)) as { GET: Handler };
    const failures = await fuzz("employees-export", GET, (random) => ({ method: "GET", query: weirdQuery(random), authorization: credentials(random) }), false);
    expect(failures).toEqual([]);
  });

  it("left Object.prototype untouched", () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  });
});
