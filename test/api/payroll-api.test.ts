// The payroll API's contract, through the route handlers on a throwaway SQLite database with the
// demo organisation (two paid months): pagination and errors as the rest of /api/v1, a month run
// from draft to paid with streamed progress, and what each role gets of payslips.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDemoApiApp, type DemoRole as Role, type IdRouteHandler as Handler, type Json } from "@/test/helpers/test-app";

vi.mock("next/headers", () => import("@/test/helpers/next-headers"));

let app: Awaited<ReturnType<typeof load>>;

async function routes() {
  return {
    runs: await import("@/app/api/v1/payroll/runs/route"),
    run: await import("@/app/api/v1/payroll/runs/[id]/route"),
    calculate: await import("@/app/api/v1/payroll/runs/[id]/calculate/route"),
    approve: await import("@/app/api/v1/payroll/runs/[id]/approve/route"),
    pay: await import("@/app/api/v1/payroll/runs/[id]/pay/route"),
    payslips: await import("@/app/api/v1/payslips/route"),
    payslip: await import("@/app/api/v1/payslips/[id]/route"),
    pdf: await import("@/app/api/v1/payslips/[id]/pdf/route"),
  };
}

async function call(handler: Handler, role: Role | null, init: { method?: string; path?: string; id?: string; body?: unknown; accept?: string } = {}) {
  const headers = new Headers();
  if (role) headers.set("authorization", `Bearer ${app.tokens[role]}`);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  if (init.accept) headers.set("accept", init.accept);
  const request = new Request(`http://test${init.path ?? "/api"}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return handler(request, { params: Promise.resolve({ id: init.id ?? "" }) });
}

async function json(response: Response): Promise<{ status: number; body: Json }> {
  return { status: response.status, body: await response.json() };
}

// The demo organisation as on 20 November 2026 (September and October paid).
const load = () => openDemoApiApp("payroll-api", new Date("2026-11-20T10:00:00Z"), routes);

beforeAll(async () => {
  app = await load();
});

afterAll(async () => {
  await app?.closeDatabase();
});

describe("GET /api/v1/payroll/runs", () => {
  it("pages like the rest of the API", async () => {
    const all = await json(await call(app.runs.GET, "HR"));
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 25, total: 2 });
    expect(all.body.data.map((run: Json) => [run.periodStart, run.status])).toEqual([
      ["2026-10-01", "PAID"],
      ["2026-09-01", "PAID"],
    ]);
    expect(all.body.data[0].totals).toMatchObject({ currency: "GBP", net: expect.any(Number) });
    expect((await json(await call(app.runs.GET, "HR", { path: "/api?pageSize=1&page=3" }))).body).toMatchObject({ data: [], total: 2 });
    const bad = await json(await call(app.runs.GET, "HR", { path: "/api?pageSize=101&status=LOST" }));
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: "validation_failed", fields: { pageSize: expect.any(String), status: expect.any(String) } });
  });

  it("is 401 without credentials and 403 for a manager", async () => {
    expect((await json(await call(app.runs.GET, null))).body.error.code).toBe("unauthorized");
    expect((await call(app.runs.GET, "MANAGER")).status).toBe(403);
  });
});

describe("a month from draft to paid", () => {
  let runId: string;

  it("creates a draft for the period, once", async () => {
    const schedule = await app.db.paySchedule.findUniqueOrThrow({ where: { code: "UK_MONTHLY" } });
    const missing = await json(await call(app.runs.POST, "HR", { method: "POST", body: { date: "1 Nov" } }));
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(["date", "scheduleId"]);
    const created = await json(await call(app.runs.POST, "HR", { method: "POST", body: { scheduleId: schedule.id, date: "2026-11-14" } }));
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ status: "DRAFT", periodStart: "2026-11-01", periodEnd: "2026-11-30", payDate: "2026-11-30" });
    runId = created.body.data.id;
    expect((await call(app.runs.POST, "HR", { method: "POST", body: { scheduleId: schedule.id, date: "2026-11-01" } })).status).toBe(409);
  });

  it("streams progress while calculating and ends with the calculated run", async () => {
    const response = await call(app.calculate.POST, "HR", { method: "POST", id: runId, accept: "application/x-ndjson" });
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const events = (await response.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(events[0]).toMatchObject({ type: "progress", done: 0 });
    expect(events.at(-2)).toMatchObject({ type: "progress", done: events.at(-2).total });
    expect(events.at(-1)).toMatchObject({ type: "done", run: { id: runId, status: "CALCULATED" } });
  });

  it("shows each employee's change against October, flagged ones first", async () => {
    const detail = await json(await call(app.run.GET, "HR", { id: runId, path: "/api?pageSize=100" }));
    expect(detail.body.data.payslips.length).toBe(detail.body.total);
    const withPrevious = detail.body.data.payslips.filter((row: Json) => row.previousNet !== null);
    expect(withPrevious.length).toBeGreaterThan(0);
    for (const row of withPrevious) expect(row.change).toBeCloseTo(row.net - row.previousNet, 2);
    const flags = detail.body.data.payslips.map((row: Json) => row.isFlagged);
    expect(flags).toEqual([...flags].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
  });

  it("is approved by a second person only, then paid, and the employee is told", async () => {
    expect((await call(app.approve.POST, "HR", { method: "POST", id: runId })).status).toBe(403);
    const approved = await json(await call(app.approve.POST, "ADMIN", { method: "POST", id: runId }));
    expect(approved.body.data).toMatchObject({ status: "APPROVED", approvedAt: expect.any(String) });
    expect((await json(await call(app.approve.POST, "ADMIN", { method: "POST", id: runId }))).body.error.code).toBe("conflict");
    expect((await json(await call(app.calculate.POST, "HR", { method: "POST", id: runId }))).body.error).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("locked"),
    });
    const paid = await json(await call(app.pay.POST, "ADMIN", { method: "POST", id: runId }));
    expect(paid.body.data.status).toBe("PAID");
    const user = await app.db.user.findFirstOrThrow({ where: { employeeId: app.employeeIds.EMPLOYEE } });
    expect(await app.db.notification.count({ where: { userId: user.id, kind: "payroll.payslip" } })).toBe(3);
  });
});

describe("payslips", () => {
  it("gives an employee their own, whatever they filter by", async () => {
    const own = await json(await call(app.payslips.GET, "EMPLOYEE"));
    expect(own.body.total).toBe(3);
    expect(own.body.data.every((row: Json) => row.employee.id === app.employeeIds.EMPLOYEE)).toBe(true);
    const others = await json(await call(app.payslips.GET, "EMPLOYEE", { path: `/api?employee=${app.employeeIds.MANAGER}` }));
    expect(others.body).toMatchObject({ data: [], total: 0 });
  });

  it("shows a payslip's lines with their reasons, and its PDF", async () => {
    const [latest] = (await json(await call(app.payslips.GET, "EMPLOYEE"))).body.data;
    const detail = await json(await call(app.payslip.GET, "EMPLOYEE", { id: latest.id }));
    expect(detail.body.data.lines.length).toBeGreaterThan(3);
    for (const line of detail.body.data.lines)
      expect(line).toMatchObject({ basis: expect.any(String), rounding: expect.any(String), amount: expect.any(Number) });
    const sum = (kind: string) =>
      detail.body.data.lines.filter((line: Json) => line.kind === kind).reduce((total: number, line: Json) => total + Math.round(line.amount * 100), 0);
    expect(sum("EARNING") - sum("DEDUCTION")).toBe(Math.round(detail.body.data.totals.net * 100));
    expect(detail.body.data.yearToDate.taxYearStartsOn).toBe("2026-04-06");
    const pdf = await call(app.pdf.GET, "EMPLOYEE", { id: latest.id });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toMatch(/attachment; filename="payslip-.*\.pdf"/);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("is 404 for someone else's payslip and for one that does not exist", async () => {
    const [latest] = (await json(await call(app.payslips.GET, "EMPLOYEE"))).body.data;
    expect((await json(await call(app.payslip.GET, "MANAGER", { id: latest.id }))).body.error.code).toBe("not_found");
    expect((await call(app.pdf.GET, "MANAGER", { id: latest.id })).status).toBe(404);
    expect((await call(app.payslip.GET, "HR", { id: "no-such-payslip" })).status).toBe(404);
    expect((await json(await call(app.run.GET, "HR", { id: "no-such-run" }))).body.error.code).toBe("not_found");
  });
});
