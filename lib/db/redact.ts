// Fields that hold secrets (password and token hashes, second-factor secrets, recovery codes): a
// conflicting row is shown to an admin with these hidden.
const SECRET_FIELD = /hash|secret|password|token|totp|recovery/i;

export function redactSecrets(row: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!row) return row;
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, SECRET_FIELD.test(key) && value !== null && value !== undefined ? "(hidden)" : value]),
  );
}
