import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPostgresClient } from "./clients";
import { createPgPool } from "./pg-connections";

// A PostgreSQL backend whose postmaster was killed sends "terminating connection due to unexpected
// postmaster exit" as soon as it is idle, which for a brand-new session can be in the same TCP
// packet as the ReadyForQuery that completes the connection. pg-pool resolves `pool.connect()` in
// between, with no 'error' listener on the client: the FATAL became an uncaught exception, which
// ends a Node process. This server answers every session exactly that way, at the protocol level.
function message(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), length, body]);
}
const field = (code: string, value: string) => Buffer.from(`${code}${value}\0`);
const READY_THEN_FATAL = Buffer.concat([
  message("R", Buffer.alloc(4)), // AuthenticationOk
  message("Z", Buffer.from("I")), // ReadyForQuery, idle
  message(
    "E",
    Buffer.concat([
      field("S", "FATAL"),
      field("V", "FATAL"),
      field("C", "57P01"),
      field("M", "terminating connection due to unexpected postmaster exit"),
      Buffer.from([0]),
    ]),
  ),
]);

let server: net.Server;
let url: string;
const escaped: unknown[] = [];
const onEscape = (error: unknown) => escaped.push(error);

beforeAll(async () => {
  server = net.createServer((socket) => {
    socket.on("error", () => {});
    socket.once("data", () => socket.end(READY_THEN_FATAL));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `postgresql://hrms:secret@127.0.0.1:${(server.address() as net.AddressInfo).port}/hrms`;
  process.on("uncaughtException", onEscape);
});

beforeEach(() => {
  escaped.length = 0;
});

afterAll(async () => {
  process.off("uncaughtException", onEscape);
  await new Promise((resolve) => server.close(resolve));
});

// The error event fires while the socket's data is parsed; by the time the next macrotask runs it
// has been delivered or has escaped.
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("PostgreSQL connections that die the moment they open", () => {
  it("[DB]: an interactive transaction on Prisma's pool fails as a connection error; nothing escapes", async () => {
    const lost: Error[] = [];
    const client = createPostgresClient({
      url,
      poolMax: 2,
      connectTimeoutMs: 1_000,
      statementTimeoutMs: 1_000,
      onConnectionError: (error) => lost.push(error),
    });
    try {
      await expect(client.$transaction(async (tx) => tx.$executeRawUnsafe("SELECT 1"))).rejects.toThrow();
      await nextTurn();
      expect(escaped).toEqual([]);
      expect(lost.map((error) => (error as Error & { code?: string }).code)).toContain("57P01");
    } finally {
      await client.$disconnect().catch(() => {});
    }
  });

  it("[DB]: a client taken with pool.connect() reports the loss instead of throwing it", async () => {
    const lost: Error[] = [];
    const pool = createPgPool({ connectionString: url, connectionTimeoutMillis: 1_000 }, (error) => lost.push(error));
    try {
      const client = await pool.connect();
      await nextTurn();
      client.release(true);
      expect(escaped).toEqual([]);
      expect(lost).toHaveLength(1);
      expect(lost[0].message).toBe("terminating connection due to unexpected postmaster exit");
    } finally {
      await pool.end().catch(() => {});
    }
  });
});
