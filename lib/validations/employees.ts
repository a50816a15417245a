import { z } from "zod";
import { blankToUndefined } from "@/lib/validations/fields";

export const EMPLOYEE_STATUSES = ["ACTIVE", "ON_LEAVE", "TERMINATED"] as const;
export const EMPLOYMENT_TYPES = ["FULL_TIME", "PART_TIME", "CONTRACTOR", "INTERN"] as const;
export const DIRECTORY_SORTS = ["name", "hireDate", "department", "jobTitle"] as const;
export const PAGE_SIZES = [10, 25, 50, 100] as const;

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

const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    z.string().trim().max(max, `Use at most ${max} characters.`).nullable().optional(),
  );
const optionalId = z.preprocess((value) => (value === "" ? null : value), z.string().max(64).nullable().optional());
const dateOnly = (label: string) =>
  z.preprocess(
    (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    z
      .string({ error: `Enter the ${label}.` })
      .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as YYYY-MM-DD.`)
      .refine(
        (text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
        `That ${label} is not a real date.`,
      )
      .transform((text) => new Date(`${text}T00:00:00Z`)),
  );
const optionalDate = (label: string) => z.preprocess((value) => (value === "" || value === undefined ? null : value), dateOnly(label).nullable());
const phone = optionalText(40).refine((value) => !value || /^[+()0-9 .-]{5,40}$/.test(value), "Use digits, spaces and + ( ) - only.");

// Everything HR can set on an employee record. Dates are calendar dates (stored at UTC midnight).
export const ZEmployeeInput = z
  .object({
    employeeNumber: z
      .string()
      .trim()
      .min(1, "Enter the employee number.")
      .max(20, "Use at most 20 characters.")
      .regex(/^[A-Za-z0-9_-]+$/, "Use letters, digits, - and _ only."),
    firstName: z.string().trim().min(1, "Enter the first name.").max(80, "Use at most 80 characters."),
    lastName: z.string().trim().min(1, "Enter the last name.").max(80, "Use at most 80 characters."),
    workEmail: z.string().trim().toLowerCase().min(1, "Enter the work email.").max(254).email("Enter a valid email address."),
    phone,
    jobTitle: z.string().trim().min(1, "Enter the job title.").max(120, "Use at most 120 characters."),
    departmentId: optionalId,
    managerId: optionalId,
    employmentType: z.enum(EMPLOYMENT_TYPES, { error: "Choose an employment type." }),
    hireDate: dateOnly("hire date"),
    dateOfBirth: optionalDate("date of birth"),
    salary: z.preprocess(
      (value) => (value === "" || value === null || value === undefined ? null : typeof value === "string" ? value.replace(/[, ]/g, "") : value),
      z.coerce
        .number({ error: "Enter the salary as a number." })
        .min(0, "The salary cannot be negative.")
        .max(21_000_000, "That salary is too large.")
        .nullable(),
    ),
    salaryCurrency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "Use a three-letter currency code, e.g. GBP.")
      .default("USD"),
    personalEmail: optionalText(254).refine((value) => !value || z.email().safeParse(value).success, "Enter a valid email address."),
    address: optionalText(300),
    emergencyName: optionalText(120),
    emergencyRelation: optionalText(60),
    emergencyPhone: phone,
  })
  .refine((input) => !input.dateOfBirth || input.dateOfBirth < input.hireDate, {
    path: ["dateOfBirth"],
    message: "The date of birth must be before the hire date.",
  });

export type EmployeeInput = z.infer<typeof ZEmployeeInput>;

// The part of their own record an employee may edit.
export const ZOwnContact = z.object({
  phone,
  personalEmail: optionalText(254).refine((value) => !value || z.email().safeParse(value).success, "Enter a valid email address."),
  address: optionalText(300),
  emergencyName: optionalText(120),
  emergencyRelation: optionalText(60),
  emergencyPhone: phone,
});

export type OwnContactInput = z.infer<typeof ZOwnContact>;

// Status changes replace deletion: leaving sets an exit date and reason.
export const ZStatusChange = z
  .object({
    status: z.enum(EMPLOYEE_STATUSES, { error: "Choose a status." }),
    exitDate: optionalDate("exit date"),
    exitReason: optionalText(200),
    // Who takes over a leaver's reports and pending approvals; blank means their own manager.
    newManagerId: z.preprocess((value) => (value === "" ? undefined : value), z.string().max(64).optional()),
  })
  .superRefine((input, context) => {
    if (input.status === "TERMINATED" && !input.exitDate) context.addIssue({ code: "custom", path: ["exitDate"], message: "Enter the exit date." });
    if (input.status === "TERMINATED" && !input.exitReason)
      context.addIssue({ code: "custom", path: ["exitReason"], message: "Enter the reason for leaving." });
  });

export type StatusChangeInput = z.infer<typeof ZStatusChange>;

export const ZVersion = z.coerce.number({ error: "The form is missing its version; reload the page." }).int().min(1);

// Which record an edit form was opened on (its hidden id), and at which version.
export const ZRecordRef = z.object({ id: z.string().min(1).max(64), version: ZVersion });
