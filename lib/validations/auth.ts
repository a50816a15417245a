import { z } from "zod";

export const ZSignIn = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address.").max(254).email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
});

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200),
    newPassword: z.string().min(12, "Use at least 12 characters.").max(200, "Use at most 200 characters."),
    confirmPassword: z.string().max(200),
    // A checkbox: present ("on") when the user keeps their personal access tokens.
    keepTokens: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." })
  .refine((input) => input.newPassword !== input.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });

export const ZCreateToken = z.object({
  name: z.string().trim().min(1, "Name the token, e.g. “Payroll export”.").max(60, "Use at most 60 characters."),
  // "never" means the longest lifetime allowed (TOKEN_MAX_LIFETIME_DAYS); every token expires.
  expiresInDays: z.preprocess((value) => (value === "" || value === "never" ? null : value), z.coerce.number().int().min(1).max(3650).nullable()),
  password: z.string().min(1, "Enter your password to create a token.").max(200),
});

// Only paths on this site, so a crafted link cannot send someone elsewhere after sign-in. The
// value is resolved with the URL parser against a stand-in origin, the way a browser resolves a
// Location header: anything that leaves that origin is refused. Control characters and
// backslashes are refused outright, since browsers drop or reinterpret them while resolving.
const NEXT_BASE = "https://app.invalid";
const DEFAULT_NEXT = "/dashboard";

export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.length > 2_000) return DEFAULT_NEXT;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return DEFAULT_NEXT;
  let url: URL;
  try {
    url = new URL(next, NEXT_BASE);
  } catch {
    return DEFAULT_NEXT;
  }
  // A path that normalises to "//host" would be read as another site by the next resolver.
  if (url.origin !== NEXT_BASE || url.pathname.startsWith("//")) return DEFAULT_NEXT;
  return `${url.pathname}${url.search}${url.hash}`;
}
