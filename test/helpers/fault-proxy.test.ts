import net from "node:net";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFaultProxy, type FaultProxy } from "./fault-proxy";
import { startPostgresCluster, type PgCluster } from "./pg-cluster";

type PgError = Error & { code?: string };

let cluster: PgCluster;
let proxy: FaultProxy;
const clients: pg.Client[] = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
});

afterAll(async () => {
  await cluster?.destroy();
});

beforeEach(async () => {
  proxy = await startFaultProxy({ targetHost: cluster.host, targetPort: cluster.port });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end().catch(() => {})));
  await proxy.close();
});

/** A pg client through the proxy; errors on the idle socket are expected here, so they are swallowed. */
function client(config: pg.ClientConfig = {}): pg.Client {
  const c = new pg.Client({ connectionString: proxy.url(cluster.url), connectionTimeoutMillis: 5_000, ...config });
  c.on("error", () => {});
  clients.push(c);
  return c;
}

async function connected(config: pg.ClientConfig = {}): Promise<pg.Client> {
  const c = client(config);
  await c.connect();
  return c;
}

/** Run `fn`, expecting it to fail; returns the error and how long it took. */
async function failure(fn: () => Promise<unknown>): Promise<{ error: PgError; ms: number }> {
  const started = performance.now();
  try {
    await fn();
  } catch (error) {
    return { error: error as PgError, ms: performance.now() - started };
  }
  throw new Error("expected a failure, but it succeeded");
}

/** Plain TCP connect through the proxy: "ok" or the error code. */
function probe(): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: proxy.host, port: proxy.port });
    socket.once("connect", () => {
      socket.destroy();
      resolve("ok");
    });
    socket.once("error", (err: PgError) => resolve(err.code ?? err.message));
  });
}

describe("startFaultProxy", () => {
  it("rewrites a postgres URL to point at the proxy", () => {
    expect(proxy.url(cluster.url)).toBe(`postgresql://postgres@127.0.0.1:${proxy.port}/hrms`);
    expect(proxy.url("postgresql://u:p@db.example:5432/x?sslmode=disable&host=/run/pg")).toBe(`postgresql://u:p@127.0.0.1:${proxy.port}/x?sslmode=disable`);
  });

  it("pass: forwards both ways", async () => {
    const c = await connected();
    const { rows } = await c.query("select $1::text as echo, current_database() as db", ["hello"]);
    expect(rows).toEqual([{ echo: "hello", db: "hrms" }]);
    expect(proxy.mode).toBe("pass");
    expect(proxy.stats.accepted).toBe(1);
    expect(proxy.stats.active).toBe(1);
  });

  it("refuse: new connections get a real ECONNREFUSED quickly, existing ones are reset, pass re-opens the same port", async () => {
    const existing = await connected();
    const port = proxy.port;

    await proxy.setMode("refuse");

    const refused = await failure(() => client().connect());
    expect(refused.error.code).toBe("ECONNREFUSED");
    expect(refused.ms).toBeLessThan(2_000); // connectionTimeoutMillis is 5 s: this was not a timeout
    await expect(existing.query("select 1")).rejects.toThrow();
    expect(proxy.stats.refused).toBe(1);

    await proxy.setMode("pass");
    expect(proxy.port).toBe(port);
    const again = await connected();
    expect((await again.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
  });

  it("blackhole: connecting times out instead of hanging, queries on existing connections stall", async () => {
    const existing = await connected({ query_timeout: 300 });

    await proxy.setMode("blackhole");

    const connect = await failure(() => client({ connectionTimeoutMillis: 500 }).connect());
    expect(connect.error.message).toMatch(/timeout/i);
    expect(connect.ms).toBeGreaterThanOrEqual(450);
    expect(proxy.stats.blackholed).toBe(1);

    const stalled = await failure(() => existing.query("select 1"));
    expect(stalled.error.message).toMatch(/timeout/i);

    // Back to normal: connections that lost bytes are reset, fresh ones work.
    await proxy.setMode("pass");
    expect(proxy.stats.poisoned).toBeGreaterThanOrEqual(1);
    const fresh = await connected();
    expect((await fresh.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
  });

  it("reset: new and existing connections see ECONNRESET / Connection terminated", async () => {
    const existing = await connected();

    await proxy.setMode("reset");

    const fresh = await failure(() => client().connect());
    expect(`${fresh.error.code} ${fresh.error.message}`).toMatch(/ECONNRESET|Connection terminated/);
    await expect(existing.query("select 1")).rejects.toThrow();
    expect(proxy.stats.reset).toBe(2);
  });

  it("latency: adds at least the configured delay per round trip, keeping the protocol intact", async () => {
    const c = await connected();
    await proxy.setMode({ latencyMs: 120 });
    expect(proxy.mode).toEqual({ latencyMs: 120 });

    const started = performance.now();
    const { rows } = await c.query("select 1 as one");
    expect(performance.now() - started).toBeGreaterThanOrEqual(120);
    expect(rows).toEqual([{ one: 1 }]);

    // A ~1.3 MB answer arrives in many chunks; any reordering would corrupt the protocol stream.
    const big = await c.query("select string_agg(g::text, ',') as s from generate_series(1, 200000) g");
    const numbers = (big.rows[0].s as string).split(",");
    expect(numbers.length).toBe(200_000);
    expect(numbers[0]).toBe("1");
    expect(numbers[199_999]).toBe("200000");
  });

  it("flap: alternates refuse and pass on a timer schedule, ending in pass", async () => {
    const flapping = proxy.flap({ downMode: "refuse", downMs: 150, upMs: 150, cycles: 3 });
    let done = false;
    const finished = flapping.then((result) => {
      done = true;
      return result;
    });

    // Probe continuously while the schedule runs; both outcomes must show up.
    const seen = new Set<string>();
    while (!done) {
      seen.add(await probe());
      await new Promise((resolve) => setTimeout(resolve, 10)); // polling interval
    }

    expect(await finished).toEqual({ cycles: 3, cancelled: false });
    expect(seen).toContain("ok");
    expect(seen).toContain("ECONNREFUSED");
    expect(proxy.mode).toBe("pass");
    expect(proxy.stats.modeChanges).toBe(6);
    expect(await probe()).toBe("ok");
  });

  it("flap: setMode() cancels a running schedule", async () => {
    const flapping = proxy.flap({ downMode: "blackhole", downMs: 60_000, upMs: 60_000, cycles: 5 });
    await proxy.setMode("pass");
    expect(await flapping).toEqual({ cycles: 0, cancelled: true });
    expect(proxy.mode).toBe("pass");
    const c = await connected();
    expect((await c.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
  });
});
