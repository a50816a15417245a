// The process survives PostgreSQL dying under it. A data layer runs in a child process with Node's
// default handling of escaped errors (an uncaught exception or unhandled rejection ends it), with
// PostgreSQL connections idle in the pool, checked out by a transaction between two queries, and
// inside a transaction whose UPDATE waits on a row lock held by another session. Then PostgreSQL is
// killed (SIGKILL, backends included) or stopped with `pg_ctl stop -m immediate`: the child must
// stay alive, finish both transactions on SQLite, keep serving reads and writes, and recover.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSqliteFile, startRig, waitFor, type Rig } from "@/test/failover/support";
import { employee, pgQuery, runTag } from "./chaos-support";

type Victim = {
  child: ChildProcessWithoutNullStreams;
  next: () => Promise<Record<string, unknown>>;
  send: (command: string) => void;
  output: () => string;
};

let rig: Rig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig?.destroy();
});

function startVictim(sqlitePath: string): Victim {
  const child = spawn("npx", ["tsx", "--conditions=react-server", "test/chaos/fixtures/outage-victim.ts"], {
    env: { ...process.env, DATABASE_URL: rig.cluster.url, SQLITE_PATH: sqlitePath, LOG_LEVEL: "warn" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const messages: Record<string, unknown>[] = [];
  const waiters: ((message: Record<string, unknown>) => void)[] = [];
  let output = "";
  createInterface({ input: child.stdout }).on("line", (line) => {
    output += `${line}\n`;
    if (!line.startsWith("@@")) return;
    const message = JSON.parse(line.slice(2)) as Record<string, unknown>;
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else messages.push(message);
  });
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    send: (command) => child.stdin.write(`${command}\n`),
    output: () => output,
    next: () =>
      new Promise((resolve, reject) => {
        const queued = messages.shift();
        if (queued) return resolve(queued);
        const onExit = (code: number | null) => reject(new Error(`the process exited (${code}) instead of answering:\n${output}`));
        child.once("exit", onExit);
        waiters.push((message) => {
          child.off("exit", onExit);
          resolve(message);
        });
      }),
  };
}

async function lockRow(id: string): Promise<pg.Client> {
  const session = new pg.Client({ connectionString: rig.cluster.url, application_name: "row-lock-holder" });
  session.on("error", () => {}); // this session dies with the server too
  await session.connect();
  await session.query("BEGIN");
  await session.query(`SELECT 1 FROM "Employee" WHERE id = $1 FOR UPDATE`, [id]);
  return session;
}

describe.each([
  ["killed with SIGKILL", () => rig.cluster.kill()],
  ["stopped with pg_ctl stop -m immediate", () => rig.cluster.stopImmediate()],
])("PostgreSQL %s under live connections", (_label, outage) => {
  it("[DB]: the process lives, nothing escapes, both transactions finish on SQLite, and it recovers", { timeout: 90_000 }, async () => {
    const [{ id: lockedId }] = await pgQuery<{ id: string }>(
      rig.cluster.url,
      `INSERT INTO "Employee" (id, "employeeNumber", "firstName", "lastName", "workEmail", "jobTitle", "hireDate", "updatedAt")
       VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6, now()) RETURNING id`,
      Object.values(employee(runTag("victim"))).map((value) => (value instanceof Date ? value.toISOString() : value)),
    );
    const victim = startVictim(await newSqliteFile("victim"));
    try {
      expect(await victim.next()).toMatchObject({ started: true, mode: "primary" });
      // The row was written by another session before the victim started: it is in the victim's
      // copy once the copy's first snapshot is done (a failover before that reads the older copy).
      await waitFor(
        async () => {
          victim.send("status");
          return (await victim.next()).isCopied === true;
        },
        { what: "the victim's first snapshot" },
      );
      const lock = await lockRow(lockedId);
      victim.send(`hold ${lockedId}`);
      expect(await victim.next()).toEqual({ held: true });
      // The UPDATE is really waiting on the lock before PostgreSQL goes.
      await waitFor(
        async () => {
          const rows = await pgQuery(rig.cluster.url, `SELECT 1 FROM pg_stat_activity WHERE application_name = 'hrms' AND wait_event_type = 'Lock'`);
          return rows.length > 0;
        },
        { what: "the victim's UPDATE to wait on the row lock" },
      );

      await outage();
      await lock.end().catch(() => {});
      victim.send("release");
      const after = await victim.next();
      expect(after).toMatchObject({ idle: { ok: true }, waiting: { ok: true }, read: { ok: true }, write: { ok: true } });
      expect(after.mode).toBe("fallback");
      expect(victim.child.exitCode).toBeNull();

      await rig.cluster.start();
      await waitFor(
        async () => {
          victim.send("status");
          const status = await victim.next();
          return status.mode === "primary" && status.queue === 0;
        },
        { timeoutMs: 30_000, what: "the victim to replay and switch back to PostgreSQL" },
      );
      const [row] = await pgQuery<{ jobTitle: string }>(rig.cluster.url, `SELECT "jobTitle" FROM "Employee" WHERE id = $1`, [lockedId]);
      expect(row.jobTitle).toBe("Written during the outage");

      victim.send("exit");
      expect(await victim.next()).toEqual({ closed: true });
      const code = await new Promise((resolve) => (victim.child.exitCode !== null ? resolve(victim.child.exitCode) : victim.child.once("exit", resolve)));
      expect(code).toBe(0);
      expect(victim.output()).not.toMatch(/uncaught|unhandled/i);
    } finally {
      if (victim.child.exitCode === null) victim.child.kill("SIGKILL");
      if (!rig.cluster.running) await rig.cluster.start();
    }
  });
});
