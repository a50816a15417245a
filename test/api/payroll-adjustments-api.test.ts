// The one-off and correction API's contract, through the route handlers on a throwaway SQLite
// database with the demo organisation (September and October 2026 paid): amounts in major units,
// caller mistakes as 4xx JSON with a message (never a 500), own pay refused.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDemoApiApp, type DemoRole as Role, type IdRouteHandler as Handler, type Json } from "@/test/helpers/test-app";

vi.mock("next/headers", () => import("@/test/helpers/next-headers"));

let app: Awaited<ReturnType<typeof load>>;

async function routes() {
  return {
    adjustments: await import("@/app/api/v1/payroll/adjustments/route"),
    adjustment: await import("@/app/api/v1/payroll/adjustments/[id]/route"),
    corrections: await import("@/app/api/v1/payslips/[id]/corrections/route"),
  };
}

async function call(handler: Handler, role: Role | null, init: { method?: string; path?: string; id?: string; body?: unknown; raw?: string } = {}) {
  const headers = new Headers();
  if (role) headers.set("authorization", `Bearer ${app.tokens[role]}`);
  if (init.body !== undefined || init.raw !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://test${init.path ?? "/api"}`, {
    method: init.method ?? "GET",
    headers,
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const response = await handler(request, { params: Promise.resolve({ id: init.id ?? "" }) });
  return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as Json) };
}

// The demo organisation as on 20 November 2026 (September and October paid).
const load = () => openDemoApiApp("payroll-adjustments-api", new Date("2026-11-20T10:00:00Z"), routes);

beforeAll(async () => {
  app = await load();
});

afterAll(async () => {
  await app?.closeDatabase();
});

const bonus = (overrides: Record<string, unknown> = {}) => ({
  employeeId: app.employeeIds.EMPLOYEE,
  periodStart: "2026-11-20",
  kind: "EARNING",
  code: "bonus",
  name: "Winter bonus",
  amount: 250.5,
  reason: "Covered the on-call rota",
  ...overrides,
});

describe("POST /api/v1/payroll/adjustments", () => {
  it("adds a one-off for the period containing the day given, the amount in major units", async () => {
    const created = await call(app.adjustments.POST, "HR", { method: "POST", body: bonus() });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      periodStart: "2026-11-01",
      code: "BONUS",
      kind: "EARNING",
      currency: "GBP",
      amount: 250.5,
      isTaxable: true,
      isLocked: false,
      employee: { id: app.employeeIds.EMPLOYEE },
    });
    expect((await app.db.payAdjustment.findUniqueOrThrow({ where: { id: created.body.data.id } })).amount).toBe(25_050);

    const listed = await call(app.adjustments.GET, "HR", { path: "/api?period=2026-11-01" });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((row: Json) => row.id)).toContain(created.body.data.id);
  });

  it("answers caller mistakes with a 4xx and a message, field by field", async () => {
    const malformed = await call(app.adjustments.POST, "HR", { method: "POST", raw: "{not json" });
    expect(malformed).toMatchObject({ status: 400, body: { error: { message: expect.any(String) } } });

    const invalid = await call(app.adjustments.POST, "HR", { method: "POST", body: bonus({ amount: -5, reason: "", periodStart: "20 Nov" }) });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(["amount", "periodStart", "reason"]);

    const component = await call(app.adjustments.POST, "HR", { method: "POST", body: bonus({ code: "BASIC" }) });
    expect(component).toMatchObject({ status: 422, body: { error: { fields: { code: expect.stringContaining("component") } } } });

    const locked = await call(app.adjustments.POST, "HR", { method: "POST", body: bonus({ periodStart: "2026-10-05" }) });
    expect(locked).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining("approved") } } });

    const nobody = await call(app.adjustments.POST, "HR", { method: "POST", body: bonus({ employeeId: "no-such-employee" }) });
    expect(nobody.status).toBeGreaterThanOrEqual(400);
    expect(nobody.status).toBeLessThan(500);
  });

  it("refuses a payroll user's own pay with a sentence that says why", async () => {
    const own = await call(app.adjustments.POST, "HR", { method: "POST", body: bonus({ employeeId: app.employeeIds.HR }) });
    expect(own).toMatchObject({ status: 403, body: { error: { code: "forbidden", message: expect.stringContaining("your own pay") } } });
  });

  it("is payroll's only", async () => {
    expect((await call(app.adjustments.POST, "MANAGER", { method: "POST", body: bonus() })).status).toBe(403);
    expect((await call(app.adjustments.GET, "EMPLOYEE")).status).toBe(403);
    expect((await call(app.adjustments.GET, null)).status).toBe(401);
  });
});

describe("DELETE /api/v1/payroll/adjustments/:id", () => {
  it("removes a one-off of an open period, and refuses one already paid", async () => {
    const created = await call(app.adjustments.POST, "HR", { method: "POST", body: bonus({ name: "To remove" }) });
    expect((await call(app.adjustment.DELETE, "HR", { method: "DELETE", id: created.body.data.id })).status).toBe(204);
    expect(await app.db.payAdjustment.findUnique({ where: { id: created.body.data.id } })).toBeNull();
    expect((await call(app.adjustment.DELETE, "HR", { method: "DELETE", id: created.body.data.id })).status).toBe(404);

    const paid = await app.db.payAdjustment.findFirstOrThrow({
      where: { periodStart: new Date("2026-10-01T00:00:00Z"), employeeId: { not: app.employeeIds.ADMIN! } },
      select: { id: true },
    });
    expect(await call(app.adjustment.DELETE, "ADMIN", { method: "DELETE", id: paid.id })).toMatchObject({ status: 409 });
  });
});

describe("POST /api/v1/payslips/:id/corrections", () => {
  it("puts the difference to the corrected gross into the next open period as arrears", async () => {
    const october = await app.db.payslip.findFirstOrThrow({
      where: { employeeId: app.employeeIds.EMPLOYEE!, run: { periodStart: new Date("2026-10-01T00:00:00Z") } },
      select: { id: true, gross: true },
    });
    const created = await call(app.corrections.POST, "HR", {
      method: "POST",
      id: october.id,
      body: { correctedGross: (october.gross + 4_200) / 100, reason: "Missed a shift" },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      periodStart: "2026-11-01",
      code: "ARREARS",
      amount: 42,
      correctsPayslipId: october.id,
      reason: expect.stringContaining("Missed a shift"),
    });
  });

  it("answers 422 for no change, 404 for an unknown payslip and 403 for one's own", async () => {
    const october = await app.db.payslip.findFirstOrThrow({
      where: { employeeId: app.employeeIds.EMPLOYEE!, run: { periodStart: new Date("2026-10-01T00:00:00Z") } },
      select: { id: true, gross: true },
    });
    const same = await call(app.corrections.POST, "HR", { method: "POST", id: october.id, body: { correctedGross: october.gross / 100, reason: "none" } });
    expect(same.status).toBe(422);
    expect((await call(app.corrections.POST, "HR", { method: "POST", id: "missing", body: { correctedGross: 1, reason: "x" } })).status).toBe(404);
    const own = await app.db.payslip.findFirstOrThrow({ where: { employeeId: app.employeeIds.HR! }, select: { id: true } });
    expect((await call(app.corrections.POST, "HR", { method: "POST", id: own.id, body: { correctedGross: 1, reason: "x" } })).status).toBe(403);
  });
});
