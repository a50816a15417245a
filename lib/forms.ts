import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { log } from "@/lib/log";
import { describeError, toAppError } from "@/lib/to-app-error";

// What a server action returns to its form: a message, errors keyed by field (shown beside the
// inputs), and the submitted values so nothing typed is lost.
export type FormState = {
  ok?: boolean;
  message?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
  id?: string;
} | null;

export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  return values;
}

export function fieldErrors(error: z.ZodError, values?: Record<string, string>): FormState {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    fields[key] ??= issue.message;
  }
  return { ok: false, message: "Please correct the highlighted fields.", fields, values };
}

// The one boundary where a failed action becomes words for the user. Anything unexpected is logged
// with the request id and shown as a generic sentence, never as its own message.
export async function actionError(error: unknown, values?: Record<string, string>): Promise<FormState> {
  const known = toAppError(error, "form");
  if (known) return { ok: false, message: known.message, fields: known.fields, values };
  const requestId = (await headers()).get("x-request-id");
  log.error("action failed", { event: "action-error", requestId, error: describeError(error) });
  return { ok: false, message: `Something went wrong; nothing was saved. (Reference ${requestId?.slice(0, 8) ?? "unknown"})`, values };
}

// What a form sent that is never sent back to the browser to refill it: passwords and secrets.
// ("code" is not one: department, leave type and pay schedule codes must survive a refused form,
// and the sign-in forms never refill their one-time code, which is spent once submitted.)
const SECRET_FIELDS = new Set(["password", "currentPassword", "newPassword", "confirmPassword", "secret"]);

// What the form sent, as strings (a list of choices joined by commas), secrets left out, so a
// refused form shows what was typed and ticked.
function echoValues(input: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(input)
      .filter(([key]) => !SECRET_FIELDS.has(key))
      .map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : String(value ?? "")]),
  );
}

// Parses a submitted form against a schema: the typed input, or the form state that shows each
// error beside its field with everything typed kept. `read` turns the form into the schema's
// input when plain text fields are not enough (checkbox lists, say).
export function parseForm<T extends z.ZodType>(
  form: FormData,
  schema: T,
  read: (form: FormData) => Record<string, unknown> = formValues,
): { ok: true; data: z.output<T>; values: Record<string, string> } | { ok: false; state: FormState } {
  const raw = read(form);
  const values = echoValues(raw);
  const input = schema.safeParse(raw);
  return input.success ? { ok: true, data: input.data, values } : { ok: false, state: fieldErrors(input.error, values) };
}
