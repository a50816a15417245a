import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPgBinDir, processGone, startPostgresCluster, type PgCluster } from "./pg-cluster";

/** Connect, run one statement, disconnect. */
async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A connection attempt's error (or undefined if it connected). */
async function connectError(url: string): Promise<(Error & { code?: string }) | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.end();
    return undefined;
  } catch (err) {
    return err as Error & { code?: string };
  }
}

describe("findPgBinDir", () => {
  it("finds a directory with both initdb and postgres", () => {
    const dir = findPgBinDir();
    expect(fs.existsSync(path.join(dir, "postgres"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "initdb"))).toBe(true);
  });

  it("fails with one clear sentence when PG_BIN has no server binaries", () => {
    expect(() => findPgBinDir({ PG_BIN: os.tmpdir() })).toThrow(
      "PostgreSQL server binaries not found (initdb/postgres): install Debian's postgresql package or set PG_BIN",
    );
  });
});

describe("startPostgresCluster", () => {
  let cluster: PgCluster;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    console.info(`[pg-cluster] startup took ${cluster.startupMs} ms (port ${cluster.port})`);
  });

  afterAll(async () => {
    const dir = cluster ? path.dirname(cluster.dataDir) : undefined;
    await cluster?.destroy();
    if (dir) expect(fs.existsSync(dir)).toBe(false);
  });

  it("runs a private cluster in a temp dir that answers select 1", async () => {
    expect(cluster.url).toBe(`postgresql://postgres@127.0.0.1:${cluster.port}/hrms`);
    expect(cluster.dataDir.startsWith(os.tmpdir())).toBe(true);
    expect(cluster.running).toBe(true);

    const [row] = await query(cluster.url, "select 1 as one, current_database() as db, current_setting('data_directory') as dir");
    expect(row).toEqual({ one: 1, db: "hrms", dir: cluster.dataDir });
  });

  it("createDatabase() returns a URL for a new, empty database", async () => {
    const url = await cluster.createDatabase("scratch_one");
    expect(url).toBe(`postgresql://postgres@127.0.0.1:${cluster.port}/scratch_one`);
    const [row] = await query<{ db: string }>(url, "select current_database() as db");
    expect(row?.db).toBe("scratch_one");
  });

  it("kill() leaves no backend, refuses connections, and start() recovers committed data", async () => {
    const client = new pg.Client({ connectionString: cluster.url });
    client.on("error", () => {}); // the kill terminates this connection under our feet
    await client.connect();
    await client.query("create table crash_test (id int primary key, note text)");
    await client.query("insert into crash_test values (1, 'survives a crash')");
    // Every server process: our backend, checkpointer, walwriter, autovacuum launcher, ...
    const serverPids = (await client.query<{ pid: number }>("select pid from pg_stat_activity")).rows.map((r) => r.pid);
    const postmaster = cluster.pid!;
    expect(serverPids.length).toBeGreaterThan(1);

    await cluster.kill();

    expect(cluster.running).toBe(false);
    expect(cluster.pid).toBeUndefined();
    expect(processGone(postmaster)).toBe(true);
    expect(serverPids.filter((pid) => !processGone(pid))).toEqual([]);
    expect(fs.existsSync(path.join(cluster.dataDir, "postmaster.pid"))).toBe(false);
    expect((await connectError(cluster.url))?.code).toBe("ECONNREFUSED");
    await client.end().catch(() => {});

    await cluster.start();
    expect(cluster.pid).toBeDefined();
    expect(cluster.pid).not.toBe(postmaster);
    const rows = await query<{ note: string }>(cluster.url, "select note from crash_test where id = 1");
    expect(rows).toEqual([{ note: "survives a crash" }]);
  });

  it("stop() shuts down gracefully and start() comes back on the same port", async () => {
    const port = cluster.port;
    await cluster.stop();
    expect(cluster.running).toBe(false);
    expect((await connectError(cluster.url))?.code).toBe("ECONNREFUSED");

    await cluster.start();
    expect(cluster.port).toBe(port);
    const rows = await query<{ n: number }>(cluster.url, "select count(*)::int as n from crash_test");
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("restart() replaces the postmaster", async () => {
    const before = cluster.pid;
    await cluster.restart();
    expect(cluster.pid).toBeDefined();
    expect(cluster.pid).not.toBe(before);
    expect(await query(cluster.url, "select 1 as one")).toEqual([{ one: 1 }]);
  });
});
