// The email sender against a real SMTP conversation: a tiny SMTP server on 127.0.0.1 written here
// with node:net (no network), and a closed port for a server that refuses connections.
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSqliteFile } from "@/test/failover/support";

type Received = { from: string; to: string[]; data: string };

// Speaks just enough SMTP for nodemailer: greeting, EHLO/HELO, MAIL, RCPT, DATA … ".", RSET, QUIT.
// Recipients in `refused` get a permanent 550.
function startSmtpServer(refused: Set<string>): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((socket: Socket) => {
    let buffer = "";
    let isData = false;
    let current: Received = { from: "", to: [], data: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 localhost test SMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (isData) {
          if (line === ".") {
            isData = false;
            received.push(current);
            current = { from: "", to: [], data: "" };
            reply("250 2.0.0 queued");
          } else {
            current.data += `${line.startsWith("..") ? line.slice(1) : line}\n`;
          }
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === "EHLO") reply("250-localhost\r\n250 8BITMIME");
        else if (command === "HELO") reply("250 localhost");
        else if (command === "MAIL") {
          current.from = line.match(/<(.*)>/)?.[1] ?? "";
          reply("250 2.1.0 ok");
        } else if (command === "RCPT") {
          const to = line.match(/<(.*)>/)?.[1] ?? "";
          if (refused.has(to)) reply("550 5.1.1 mailbox unavailable");
          else {
            current.to.push(to);
            reply("250 2.1.5 ok");
          }
        } else if (command === "DATA") {
          isData = true;
          reply("354 end with <CRLF>.<CRLF>");
        } else if (command === "RSET") {
          current = { from: "", to: [], data: "" };
          reply("250 ok");
        } else if (command === "QUIT") {
          reply("221 bye");
          socket.end();
        } else if (command === "NOOP") reply("250 ok");
        else reply("502 not implemented");
      }
    });
    socket.on("error", () => {});
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port, received })));
}

// A port nothing listens on: connections to it are refused at once.
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const refused = new Set<string>();
let email: typeof import("./email");
let notify: typeof import("./notify").notify;
let db: typeof import("@/lib/db").db;
let closeDatabase: () => Promise<void>;
let refusingUrl = "";

let serial = 0;
async function newUser(): Promise<{ id: string; email: string }> {
  serial += 1;
  return db.user.create({
    data: { email: `person${serial}@example.com`, passwordHash: "not-a-real-hash", role: "EMPLOYEE" },
    select: { id: true, email: true },
  });
}

async function message(id: string) {
  return db.emailMessage.findUniqueOrThrow({ where: { id }, select: { status: true, attempts: true, lastError: true, sentAt: true, updatedAt: true } });
}

async function queueOne(subject: string): Promise<{ id: string; to: string }> {
  const user = await newUser();
  await notify({ userIds: [user.id], kind: "test", title: subject, body: "Something happened.", link: "/attendance/corrections" });
  const queued = await db.emailMessage.findFirstOrThrow({ where: { to: user.email }, select: { id: true, to: true } });
  return queued;
}

beforeAll(async () => {
  smtp = await startSmtpServer(refused);
  refusingUrl = `smtp://127.0.0.1:${await closedPort()}`;
  process.env.DATABASE_URL = "";
  process.env.SQLITE_PATH = await newSqliteFile("email");
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  process.env.SMTP_FROM = "HRMS <hrms@example.com>";
  process.env.APP_URL = "https://hrms.example.com";
  email = await import("./email");
  ({ notify } = await import("./notify"));
  ({ db, closeDatabase } = await import("@/lib/db"));
});

afterAll(async () => {
  await closeDatabase?.();
  await new Promise((resolve) => smtp?.server.close(resolve));
});

describe("sendPendingEmails", () => {
  it("delivers a queued notification over SMTP and marks it SENT with the time", async () => {
    const queued = await queueOne("Correction approved");
    expect((await message(queued.id)).status).toBe("PENDING");

    const result = await email.sendPendingEmails();

    expect(result).toMatchObject({ sent: 1, failed: 0, gaveUp: 0, isConfigured: true });
    const stored = await message(queued.id);
    expect(stored).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(stored.sentAt).toBeInstanceOf(Date);
    const delivered = smtp.received.find((item) => item.to.includes(queued.to))!;
    expect(delivered.from).toBe("hrms@example.com");
    expect(delivered.data).toContain("Subject: Correction approved");
    // The app path in the notification arrives as a full address.
    expect(delivered.data).toContain("https://hrms.example.com/attendance/corrections");
  });

  it("marks a message FAILED with the error when the server refuses the connection, and retries it after the backoff", async () => {
    const queued = await queueOne("Refused at first");
    const refusing = email.createSmtpTransport(refusingUrl);

    const first = await email.sendPendingEmails({ transport: refusing });

    expect(first).toMatchObject({ sent: 0, failed: 1 });
    const failed = await message(queued.id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, sentAt: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);

    // Not due yet: a pass right away leaves it alone rather than hammering the server.
    expect(await email.sendPendingEmails()).toMatchObject({ sent: 0, failed: 0 });
    expect((await message(queued.id)).status).toBe("FAILED");

    const later = new Date(failed.updatedAt.getTime() + email.retryDelayMs(1) + 1);
    expect(await email.sendPendingEmails({ now: later })).toMatchObject({ sent: 1 });
    expect(await message(queued.id)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(smtp.received.filter((item) => item.to.includes(queued.to))).toHaveLength(1);
  });

  it("records a recipient the server rejects as FAILED with the server's answer", async () => {
    const queued = await queueOne("Bounced");
    refused.add(queued.to);
    try {
      expect(await email.sendPendingEmails()).toMatchObject({ failed: 1 });
      const stored = await message(queued.id);
      expect(stored.status).toBe("FAILED");
      expect(stored.lastError).toMatch(/550/);
    } finally {
      // Once the mailbox exists again, the retry delivers it and leaves nothing due for later tests.
      refused.delete(queued.to);
      await email.sendPendingEmails({ now: new Date(Date.now() + email.retryDelayMs(1) + 1_000) });
    }
  });

  it("gives up after the last attempt, keeps the message visible, and sends it once more when requeued", async () => {
    const queued = await queueOne("Never reachable");
    const refusing = email.createSmtpTransport(refusingUrl);
    let now = new Date();
    for (let attempt = 1; attempt <= email.MAX_ATTEMPTS; attempt++) {
      const result = await email.sendPendingEmails({ transport: refusing, now });
      expect(result.failed + result.gaveUp).toBe(1);
      const stored = await message(queued.id);
      expect(stored.attempts).toBe(attempt);
      now = new Date(stored.updatedAt.getTime() + email.retryDelayMs(attempt) + 1);
    }
    const gaveUp = await message(queued.id);
    expect(gaveUp).toMatchObject({ status: "GAVE_UP", attempts: email.MAX_ATTEMPTS });
    expect(gaveUp.lastError).toMatch(/ECONNREFUSED/);
    // Given up means no more automatic tries, however much later.
    expect(await email.sendPendingEmails({ now: new Date(Date.now() + 86_400_000) })).toMatchObject({ sent: 0, failed: 0, gaveUp: 0 });

    const counts = await email.countEmailsByStatus();
    expect(counts.GAVE_UP).toBe(1);
    const listed = await email.listEmailMessages({ status: "GAVE_UP", page: 1 });
    expect(listed.rows).toEqual([
      expect.objectContaining({ id: queued.id, to: queued.to, subject: "Never reachable", attempts: 8, lastError: expect.stringMatching(/ECONNREFUSED/) }),
    ]);

    await email.requeueEmail(queued.id);
    expect(await email.sendPendingEmails()).toMatchObject({ sent: 1 });
    expect((await message(queued.id)).status).toBe("SENT");
    await expect(email.requeueEmail(queued.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("does not send a message twice when two passes start at once", async () => {
    const queued = await queueOne("Only once");
    const [first, second] = await Promise.all([email.sendPendingEmails(), email.sendPendingEmails()]);
    expect(first.sent + second.sent).toBeGreaterThanOrEqual(1);
    expect(smtp.received.filter((item) => item.to.includes(queued.to))).toHaveLength(1);
  });

  it("waits longer after each failure, up to an hour", () => {
    expect([1, 2, 3, 4].map(email.retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(email.retryDelayMs(20)).toBe(3_600_000);
  });
});
