import { isConnectionError } from "@/lib/db/errors";
import { log } from "@/lib/log";

// The last line of defence for errors nothing caught. A PostgreSQL driver error that says the
// connection is gone (the server was killed, shut down or restarted) is what the data layer exists
// to survive: it has already failed over or will on the next query, so the process carries on.
// Any other uncaught exception means the process is in a state nobody planned for: it is logged
// with its stack and the process exits, as Node would, for the platform to restart it (every
// acknowledged write is durable in one of the databases before the user is answered).
//
// Unhandled rejections are logged with their stack but are not fatal: in a Next.js server they are
// expected from React's late-await pattern (Next's own handler logs them and carries on).
export type EscapeKind = "connection" | "fatal";

export function classifyEscape(error: unknown): EscapeKind {
  return isConnectionError(error) ? "connection" : "fatal";
}

function describe(error: unknown) {
  if (error instanceof Error) return { name: error.name, message: error.message, code: (error as { code?: unknown }).code, stack: error.stack };
  return { message: String(error) };
}

export function handleUncaughtException(error: unknown, origin: string, exit: (code: number) => void = process.exit): void {
  if (classifyEscape(error) === "connection") {
    log.error("PostgreSQL driver error escaped its caller; the data layer handles the outage, the process continues", {
      event: "escaped-error",
      origin,
      error: describe(error),
    });
    return;
  }
  log.error("uncaught exception - exiting", { event: "uncaught-exception", origin, error: describe(error) });
  exit(1);
}

export function handleUnhandledRejection(reason: unknown): void {
  log.error("unhandled promise rejection", { event: "unhandled-rejection", kind: classifyEscape(reason), error: describe(reason) });
}

const INSTALLED = Symbol.for("hrms.processHandlers");

// Once per process, however many times the server module is loaded.
export function installProcessHandlers(): void {
  const registry = globalThis as { [INSTALLED]?: boolean };
  if (registry[INSTALLED]) return;
  registry[INSTALLED] = true;
  process.on("uncaughtException", (error, origin) => handleUncaughtException(error, origin));
  process.on("unhandledRejection", (reason) => handleUnhandledRejection(reason));
}
