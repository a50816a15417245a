import { z } from "zod";

export const EMPLOYEE_STATUSES = ["ACTIVE", "ON_LEAVE", "TERMINATED"] as const;
export const EMPLOYMENT_TYPES = ["FULL_TIME", "PART_TIME", "CONTRACTOR", "INTERN"] as const;
export const DIRECTORY_SORTS = ["name", "hireDate", "department", "jobTitle"] as const;
export const PAGE_SIZES = [10, 25, 50, 100] as const;

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

// Query string of the employee directory. Anything malformed falls back to the default rather
// than failing the page: a hand-edited URL should still show a directory.
export const ZDirectoryQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).catch(undefined),
  department: z.preprocess(blankToUndefined, z.string().max(64).optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(EMPLOYEE_STATUSES).optional()).catch(undefined),
  sort: z.enum(DIRECTORY_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((size) => (PAGE_SIZES as readonly number[]).includes(size))
    .catch(25),
});

export type DirectoryQuery = z.infer<typeof ZDirectoryQuery>;

export function parseDirectoryQuery(params: Record<string, string | string[] | undefined>): DirectoryQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return ZDirectoryQuery.parse(flat);
}
