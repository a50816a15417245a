import { z } from "zod";
import { blankToUndefined, shortCode } from "@/lib/validations/fields";

export const DEPARTMENT_PAGE_SIZES = [10, 25, 50] as const;

const optionalId = z.preprocess((value) => (value === "" || value === undefined ? null : value), z.string().max(64).nullable());

// What HR can set on a department. Codes are short labels people type and read (ENG, SUP-EU), so
// they are upper-cased rather than rejected for being typed in lower case.
export const ZDepartmentInput = z.object({
  name: z.string({ error: "Enter the department name." }).trim().min(1, "Enter the department name.").max(100, "Use at most 100 characters."),
  code: shortCode(/^[A-Z0-9-]+$/, "Use letters, digits and - only."),
  parentId: optionalId,
  headId: optionalId,
});

export type DepartmentInput = z.infer<typeof ZDepartmentInput>;

// Query string of the department list; anything malformed falls back to the default so a
// hand-edited URL still shows a list.
export const ZDepartmentQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((size) => (DEPARTMENT_PAGE_SIZES as readonly number[]).includes(size))
    .catch(25),
});

export type DepartmentQuery = z.infer<typeof ZDepartmentQuery>;

export function parseDepartmentQuery(params: Record<string, string | string[] | undefined>): DepartmentQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return ZDepartmentQuery.parse(flat);
}
