// Which failures mean "PostgreSQL is unreachable" (open the breaker, use SQLite) and which are
// ordinary query errors (a unique violation is not an outage).
const CONNECTION_CODES = new Set([
  "P1001", // can't reach database server
  "P1002", // server reached but timed out
  "P1008", // operations timed out
  "P1011", // error opening a TLS connection
  "P1017", // server has closed the connection
  "P2037", // too many database connections opened
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "57P01", // admin_shutdown: the server is going down
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or shutting down
  "53300", // too_many_connections
  "08000",
  "08003",
  "08006",
  "08001",
  "08004", // connection exceptions
]);

const CONNECTION_MESSAGES = [
  "timeout exceeded when trying to connect",
  "connection terminated",
  "connection timeout",
  "query read timeout",
  "can't reach database server",
  "server has closed the connection",
  "client has encountered a connection error",
  "terminating connection due to administrator command",
  "the database system is starting up",
  "the database system is shutting down",
  "econnrefused",
  "econnreset",
  "etimedout",
  "socket hang up",
];

// Driver adapter errors carry their kind; these are the connection-class ones.
const CONNECTION_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseAccessDenied",
  "SocketTimeout",
  "ConnectionClosed",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);

export function isConnectionError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const candidate = error as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown; originalCode?: unknown };
  if (typeof candidate.code === "string" && CONNECTION_CODES.has(candidate.code)) return true;
  if (typeof candidate.originalCode === "string" && CONNECTION_CODES.has(candidate.originalCode)) return true;
  if (typeof candidate.kind === "string" && CONNECTION_KINDS.has(candidate.kind)) return true;
  if (typeof candidate.message === "string") {
    const message = candidate.message.toLowerCase();
    if (CONNECTION_MESSAGES.some((fragment) => message.includes(fragment))) return true;
  }
  return isConnectionError(candidate.cause, depth + 1);
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    // Prisma's messages start with "Invalid `prisma.x.y()` invocation:"; the cause is the last line.
    const lines = error.message
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    const line = lines.at(-1) ?? error.name;
    return typeof code === "string" && !line.includes(code) ? `${code}: ${line}` : line;
  }
  return String(error);
}

// Raised when neither database can serve a request; mapped to 503 at the boundary.
export class DatabaseUnavailableError extends Error {
  readonly code = "database_unavailable";
  constructor(message = "The service is temporarily degraded: no database is available.") {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}

// An operation that must be decided by the primary database (approving pay, say) while the app
// serves from its SQLite copy, whose writes could still conflict on replay. A kind of "unavailable",
// so every boundary answers it as one (503 with this message).
export class PrimaryRequiredError extends DatabaseUnavailableError {
  constructor(message = "This needs the primary database (PostgreSQL), which is unavailable right now. Try again once it is back.") {
    super(message);
    this.name = "PrimaryRequiredError";
  }
}

// A value one of the databases cannot store (PostgreSQL refuses NUL characters in text, which
// SQLite accepts): refused before either database sees it, so a write taken during an outage
// cannot be refused later on replay.
export class InvalidDataError extends Error {
  readonly code = "invalid_data";
  constructor(message: string) {
    super(message);
    this.name = "InvalidDataError";
  }
}

export function findUnstorableValue(value: unknown, depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? "Text may not contain NUL characters." : null;
  if (typeof value === "number") return Number.isInteger(value) && Math.abs(value) > 2_147_483_647 ? "A number is too large to store." : null;
  if (!value || typeof value !== "object" || value instanceof Date || depth > 20) return null;
  for (const child of Object.values(value)) {
    const problem = findUnstorableValue(child, depth + 1);
    if (problem) return problem;
  }
  return null;
}
