import { AsyncLocalStorage } from "node:async_hooks";
import { remember } from "./registry";

// The audit trail, written by the data layer itself: every create, update and delete of a model
// made on behalf of a person records who, when, and the before and after of each changed field,
// in the same transaction as the change (so it is queued and replayed with it during an outage).
// A model added later is audited without anyone remembering to.
export type Actor = { id: string | null; email: string | null; requestId?: string | null };

export type FieldChange = { from: unknown; to: unknown };
export type AuditChanges = Record<string, FieldChange>;

// One store per process, kept in the registry: the production build puts this module in several
// server chunks, and the actor set by an action must be the one the data layer reads.
const storage = remember("audit-actor", () => new AsyncLocalStorage<Actor>());

// Runs `work` with an actor: writes inside it are audited under that actor's name.
export function runAs<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
  return storage.run(actor, work);
}

export function currentActor(): Actor | undefined {
  return storage.getStore();
}

const NOT_AUDITED_MODELS = new Set(["auditLog"]);
// Bookkeeping columns every row has; a change to only these is not news.
const IGNORED_FIELDS = new Set(["version", "createdAt", "updatedAt"]);
// Recorded as changed, never with their values.
export const REDACTED_FIELDS = new Set(["passwordHash", "tokenHash", "totpSecret", "codeHash"]);
export const REDACTED = "[redacted]";

export function isAudited(model: string): boolean {
  return !NOT_AUDITED_MODELS.has(model);
}

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

// Field-by-field difference between two versions of a row (either may be absent).
export function diffRows(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditChanges {
  const changes: AuditChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED_FIELDS.has(key) || key === "id") continue;
    const from = comparable(before?.[key] ?? null);
    const to = comparable(after?.[key] ?? null);
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[key] = REDACTED_FIELDS.has(key) ? { from: from === null ? null : REDACTED, to: to === null ? null : REDACTED } : { from, to };
  }
  return changes;
}

export function auditAction(before: unknown, after: unknown, changes: AuditChanges): "create" | "update" | "delete" | "status" {
  if (!before) return "create";
  if (!after) return "delete";
  return "status" in changes ? "status" : "update";
}
