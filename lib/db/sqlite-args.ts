// The two generated clients accept the same arguments but for a few PostgreSQL-only options.
// `mode: "insensitive"` is one: SQLite's LIKE (what Prisma's `contains` becomes there) already
// ignores ASCII case, so dropping it keeps the meaning.
export function toSqliteArgs<T>(args: T): T {
  if (Array.isArray(args)) return args.map(toSqliteArgs) as T;
  if (!args || typeof args !== "object" || args instanceof Date) return args;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (key === "mode" && (value === "insensitive" || value === "default")) continue;
    out[key] = toSqliteArgs(value);
  }
  return out as T;
}
