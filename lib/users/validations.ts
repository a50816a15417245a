import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { blankToUndefined } from "@/lib/validations/fields";

const id = z.string().trim().min(1, "Choose a record.").max(64, "Not a valid id.");

// The user list's query string; anything malformed falls back to the default, as in the directory.
export const ZUserListQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type UserListQuery = z.infer<typeof ZUserListQuery>;

export const ZChangeRole = z.object({
  userId: id,
  role: z.enum(ROLES, { error: "Choose a role." }),
});

export const ZSetActive = z.object({
  userId: id,
  isActive: z.enum(["true", "false"], { error: "Choose activate or deactivate." }).transform((value) => value === "true"),
});

// A new sign-in for an employee. The email defaults to their work email; the initial password is
// either typed by the admin or generated and shown once.
export const ZCreateSignIn = z
  .object({
    employeeId: id,
    email: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().max(254).email("Enter a valid email address.").optional()),
    role: z.enum(ROLES, { error: "Choose a role." }),
    passwordMode: z.enum(["generate", "type"]).default("generate"),
    password: z.preprocess(blankToUndefined, z.string().min(12, "Use at least 12 characters.").max(200, "Use at most 200 characters.").optional()),
  })
  .superRefine((input, context) => {
    if (input.passwordMode === "type" && !input.password)
      context.addIssue({ code: "custom", path: ["password"], message: "Type an initial password, or let one be generated." });
  });

export type CreateSignInInput = z.infer<typeof ZCreateSignIn>;
