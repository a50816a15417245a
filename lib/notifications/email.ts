import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

// Email delivery from the EmailMessage queue that notify() fills. Each message is tried, and its
// outcome recorded on the row: SENT with the time, or FAILED with the error, retried later with a
// growing delay, until after MAX_ATTEMPTS it is GAVE_UP. Nothing is dropped without a trace; the
// admin page at /admin/email shows every message's status.
export const EMAIL_STATUSES = ["PENDING", "SENDING", "SENT", "FAILED", "GAVE_UP"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3_600_000;
// A message left SENDING this long belongs to a sender that died mid-send; it is tried again
// (which may deliver it twice: better than never).
const STALE_SENDING_MS = 10 * 60_000;
const BATCH = 50;
const INTERVAL_MS = 30_000;

// 30 s after the first failure, doubling each time, at most an hour.
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export function createSmtpTransport(url: string): Transporter {
  return nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
}

// Links in notifications are app paths; a mail client needs the whole address.
function withAbsoluteLinks(body: string): string {
  const appUrl = env().APP_URL?.replace(/\/$/, "");
  return appUrl ? body.replace(/^\/(?!\/)\S*$/gm, (path) => `${appUrl}${path}`) : body;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text || "Unknown error").split("\n")[0].slice(0, 500);
}

type Queued = { id: string; to: string; subject: string; body: string; attempts: number; version: number };

async function dueMessages(now: Date, isIgnoringBackoff: boolean): Promise<Queued[]> {
  const select = { id: true, to: true, subject: true, body: true, attempts: true, version: true, status: true, updatedAt: true } as const;
  const [pending, waiting] = await Promise.all([
    db.emailMessage.findMany({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" }, take: BATCH, select }),
    db.emailMessage.findMany({
      where: { OR: [{ status: "FAILED" }, { status: "SENDING", updatedAt: { lt: new Date(now.getTime() - STALE_SENDING_MS) } }] },
      orderBy: { updatedAt: "asc" },
      take: BATCH * 4,
      select,
    }),
  ]);
  const isDue = (message: (typeof waiting)[number]) =>
    message.status === "SENDING" || isIgnoringBackoff || message.updatedAt.getTime() + retryDelayMs(message.attempts) <= now.getTime();
  return [...pending, ...waiting.filter(isDue)].slice(0, BATCH);
}

export type SendResult = { sent: number; failed: number; gaveUp: number; isConfigured: boolean };

// One pass over the due messages. Each is claimed first (its version must not have moved), so two
// app instances never send the same message at the same moment.
async function sendPass(options: { now?: Date; transport?: Transporter; isIgnoringBackoff?: boolean }): Promise<SendResult> {
  const settings = env();
  const result: SendResult = { sent: 0, failed: 0, gaveUp: 0, isConfigured: Boolean(options.transport || settings.SMTP_URL) };
  if (!result.isConfigured) return result;
  const now = options.now ?? new Date();
  const messages = await dueMessages(now, Boolean(options.isIgnoringBackoff));
  if (messages.length === 0) return result;
  const transport = options.transport ?? createSmtpTransport(settings.SMTP_URL!);
  try {
    for (const message of messages) {
      const attempts = message.attempts + 1;
      const claimed = await db.emailMessage.updateMany({ where: { id: message.id, version: message.version }, data: { status: "SENDING", attempts } });
      if (claimed.count === 0) continue;
      try {
        await transport.sendMail({ from: settings.SMTP_FROM, to: message.to, subject: message.subject, text: withAbsoluteLinks(message.body) });
        await db.emailMessage.update({ where: { id: message.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
        result.sent += 1;
      } catch (error) {
        const isGivingUp = attempts >= MAX_ATTEMPTS;
        const lastError = describeError(error);
        await db.emailMessage.update({ where: { id: message.id }, data: { status: isGivingUp ? "GAVE_UP" : "FAILED", lastError } });
        if (isGivingUp) {
          result.gaveUp += 1;
          log.error("email given up", { event: "email-gave-up", emailId: message.id, attempts, error: lastError });
        } else {
          result.failed += 1;
          log.warn("email delivery failed; will retry", {
            event: "email-failed",
            emailId: message.id,
            attempts,
            retryInMs: retryDelayMs(attempts),
            error: lastError,
          });
        }
      }
    }
  } finally {
    if (!options.transport) transport.close();
  }
  return result;
}

type SenderState = { timer?: NodeJS.Timeout; running?: Promise<SendResult> };
const SENDER_KEY = Symbol.for("hrms.email-sender");

function senderState(): SenderState {
  const holder = globalThis as typeof globalThis & { [SENDER_KEY]?: SenderState };
  holder[SENDER_KEY] ??= {};
  return holder[SENDER_KEY];
}

// Sends what is due now. Passes never overlap within a process: a call during a pass waits for
// that pass and returns its result. Tests pass a clock and a transport; "Retry now" ignores the
// backoff.
export async function sendPendingEmails(options: { now?: Date; transport?: Transporter; isIgnoringBackoff?: boolean } = {}): Promise<SendResult> {
  const state = senderState();
  if (state.running) return state.running;
  state.running = sendPass(options).finally(() => {
    state.running = undefined;
  });
  return state.running;
}

// Runs the sender every 30 s in the server process; one timer per process however often it is
// called (Next may load a module more than once).
export function startEmailSender(): void {
  const state = senderState();
  if (state.timer) return;
  if (!env().SMTP_URL) {
    log.info("SMTP_URL is not set: notifications are in-app only", { event: "email-sender" });
    return;
  }
  const tick = () => {
    sendPendingEmails().catch((error: unknown) => log.error("email sender pass failed", { event: "email-sender", error: describeError(error) }));
  };
  state.timer = setInterval(tick, INTERVAL_MS);
  state.timer.unref();
  tick();
}

export function stopEmailSender(): void {
  const state = senderState();
  if (state.timer) clearInterval(state.timer);
  state.timer = undefined;
}

// ---- for the admin page ---------------------------------------------------------------------

export type EmailRow = {
  id: string;
  to: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
  nextAttemptAt: Date | null;
};

export async function listEmailMessages(options: { status?: EmailStatus; page: number; pageSize?: number }) {
  const pageSize = options.pageSize ?? 25;
  const where = options.status ? { status: options.status } : {};
  const total = await db.emailMessage.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(options.page, 1), pageCount);
  const rows = await db.emailMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: { id: true, to: true, subject: true, status: true, attempts: true, lastError: true, sentAt: true, createdAt: true, updatedAt: true },
  });
  return {
    rows: rows.map(({ updatedAt, ...row }): EmailRow => ({
      ...row,
      nextAttemptAt: row.status === "FAILED" ? new Date(updatedAt.getTime() + retryDelayMs(row.attempts)) : row.status === "PENDING" ? row.createdAt : null,
    })),
    total,
    page,
    pageSize,
    pageCount,
  };
}

export async function countEmailsByStatus(): Promise<Record<EmailStatus, number>> {
  const counts = await Promise.all(EMAIL_STATUSES.map((status) => db.emailMessage.count({ where: { status } })));
  return Object.fromEntries(EMAIL_STATUSES.map((status, i) => [status, counts[i]])) as Record<EmailStatus, number>;
}

// Puts a failed or given-up message back in the queue for the next pass (its attempts are kept,
// so one that gave up gets exactly one more try).
export async function requeueEmail(id: string): Promise<void> {
  const { count } = await db.emailMessage.updateMany({ where: { id, status: { in: ["FAILED", "GAVE_UP"] } }, data: { status: "PENDING" } });
  if (count === 0) throw new AppError("conflict", "That message is not waiting for a retry; it may have been sent meanwhile.");
}
