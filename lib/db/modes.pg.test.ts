// Integration (real PostgreSQL + real SQLite): in each start-up mode, /api/health names the right
// mode and the directory reads the database that mode says.
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgresCluster, type PgCluster } from "@/test/helpers/pg-cluster";
import { createPostgresClient, createSqliteClient } from "./clients";
import { migrateDatabases } from "./migrations/migrate-databases";

// The directory as an admin sees it: everyone.
const ADMIN = { id: "admin", role: "ADMIN" as const, employeeId: null };
let cluster: PgCluster;
let sqlitePath: string;
let copyPath: string;

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function marker(label: string) {
  return {
    employeeNumber: label,
    firstName: label,
    lastName: "Marker",
    workEmail: `${label.toLowerCase()}@example.com`,
    jobTitle: "Test",
    hireDate: new Date("2024-01-01T00:00:00Z"),
  };
}

beforeAll(async () => {
  cluster = await startPostgresCluster();
  sqlitePath = join(mkdtempSync(join(tmpdir(), "hrms-modes-")), "hrms.db");
  copyPath = join(mkdtempSync(join(tmpdir(), "hrms-modes-copy-")), "hrms.db");
  await migrateDatabases({ databaseUrl: cluster.url, sqlitePath });
  await migrateDatabases({ databaseUrl: undefined, sqlitePath: copyPath });
  // One marker row in each database, so a read shows which one answered.
  const postgres = createPostgresClient({ url: cluster.url, poolMax: 2, connectTimeoutMs: 2000, statementTimeoutMs: 5000 });
  const sqlite = createSqliteClient(sqlitePath);
  await postgres.employee.create({ data: marker("PGONLY") });
  await sqlite.employee.create({ data: marker("SQLITEONLY") });
  await Promise.all([postgres.$disconnect(), sqlite.$disconnect()]);
});

afterAll(async () => {
  await cluster?.destroy();
});

// Each mode needs a fresh data layer (it is a per-process singleton), so each test imports the
// modules anew with its own settings.
async function loadApp(settings: Record<string, string>) {
  Object.assign(process.env, settings);
  const { vi } = await import("vitest");
  vi.resetModules();
  (globalThis as Record<symbol, unknown>)[Symbol.for("hrms.db.registry")] = undefined;
  (globalThis as Record<symbol, unknown>)[Symbol.for("hrms.db.state")] = undefined;
  const health = await import("@/app/api/health/route");
  const directory = await import("@/lib/employees/list-employees");
  const dbModule = await import("@/lib/db");
  const { parseDirectoryQuery } = await import("@/lib/validations/employees");
  return {
    health: async () => {
      const response = await health.GET();
      return { status: response.status, backend: response.headers.get("x-db-backend"), body: await response.json() };
    },
    names: async () => (await directory.listEmployees(ADMIN, parseDirectoryQuery({ q: "marker" }))).rows.map((row) => row.firstName),
    close: dbModule.closeDatabase,
  };
}

describe("start-up modes", () => {
  // In order: SQLite alone; PostgreSQL with that same file (refused: both hold data); PostgreSQL
  // with a new file, which becomes its copy; then PostgreSQL gone, where the copy answers.
  it("without DATABASE_URL: sqlite-only, reads SQLite", async () => {
    const app = await loadApp({ DATABASE_URL: "", SQLITE_PATH: sqlitePath });
    const health = await app.health();
    expect(health.backend).toBe("sqlite");
    expect(health.body).toMatchObject({ status: "ok", database: { mode: "sqlite-only", active: "sqlite", replicaLagMs: null } });
    expect(await app.names()).toEqual(["SQLITEONLY"]);
    await app.close();
  });

  it("with DATABASE_URL and a file that was the whole database, while PostgreSQL has data too: down, says why, changes nothing", async () => {
    const app = await loadApp({ DATABASE_URL: cluster.url, SQLITE_PATH: sqlitePath });
    const health = await app.health();
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: "down", database: { mode: "down", active: null } });
    await app.close();
    const [sqliteRows, postgresRows] = await Promise.all([readNames("sqlite", sqlitePath), readNames("postgres", cluster.url)]);
    expect(sqliteRows).toEqual(["SQLITEONLY"]);
    expect(postgresRows).toEqual(["PGONLY"]);
  });

  it("with DATABASE_URL and a live PostgreSQL: primary, reads PostgreSQL, and the new file becomes its copy", async () => {
    const app = await loadApp({ DATABASE_URL: cluster.url, SQLITE_PATH: copyPath });
    const health = await app.health();
    expect(health.status).toBe(200);
    expect(health.backend).toBe("postgres");
    expect(health.body).toMatchObject({ status: "ok", database: { mode: "primary", active: "postgres", queue: 0, conflicts: 0 } });
    expect(await app.names()).toEqual(["PGONLY"]);
    await app.close();
  });

  it("with PostgreSQL unreachable at start: fallback, degraded, reads the SQLite copy of PostgreSQL", async () => {
    const port = await unusedPort();
    const app = await loadApp({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/hrms`, SQLITE_PATH: copyPath });
    const health = await app.health();
    expect(health.status).toBe(200);
    expect(health.backend).toBe("sqlite");
    expect(health.body).toMatchObject({ status: "degraded", database: { mode: "fallback", active: "sqlite" } });
    expect(await app.names()).toEqual(["PGONLY"]);
    await app.close();
  });
});

async function readNames(provider: "postgres" | "sqlite", url: string): Promise<string[]> {
  const client =
    provider === "postgres" ? createPostgresClient({ url, poolMax: 1, connectTimeoutMs: 2000, statementTimeoutMs: 5000 }) : createSqliteClient(url);
  try {
    return (await (client as ReturnType<typeof createSqliteClient>).employee.findMany({ where: { lastName: "Marker" }, select: { firstName: true } })).map(
      (row) => row.firstName,
    );
  } finally {
    await client.$disconnect();
  }
}
