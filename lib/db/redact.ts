import { REDACTED_FIELDS } from "./audit";

// The fields audit entries never show (password and token hashes, second-factor secrets, recovery
// codes) are hidden the same way when a conflicting row is shown to an admin.
export function redactSecrets(row: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!row) return row;
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, REDACTED_FIELDS.has(key) && value !== null && value !== undefined ? "(hidden)" : value]),
  );
}
