// Reads the few Prisma error facts a user can act on, from either database's client.
export function prismaCode(error: unknown): string | null {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : null;
}

// The fields of a violated unique constraint, wherever this Prisma version puts them.
export function uniqueFields(error: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== "object" || depth > 6) return;
    const record = value as Record<string, unknown>;
    for (const key of ["target", "fields"]) {
      const candidate = record[key];
      if (Array.isArray(candidate)) found.push(...candidate.filter((item): item is string => typeof item === "string"));
      else if (typeof candidate === "string") found.push(...(candidate.match(/[A-Za-z]+(?=_key$)|(?<=_)[a-z][A-Za-z]+(?=_key)/g) ?? []));
    }
    for (const child of Object.values(record)) visit(child, depth + 1);
  };
  visit((error as { meta?: unknown })?.meta, 0);
  return [...new Set(found)];
}
