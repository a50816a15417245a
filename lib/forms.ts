import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { DatabaseUnavailableError, InvalidDataError } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { prismaCode, uniqueFields } from "@/lib/prisma-errors";

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

const FIELD_LABELS: Record<string, string> = {
  workEmail: "work email",
  employeeNumber: "employee number",
  email: "email",
  code: "code",
};

// The one boundary where a failed action becomes words for the user. Anything unexpected is logged
// with the request id and shown as a generic sentence, never as its own message.
export async function actionError(error: unknown, values?: Record<string, string>): Promise<FormState> {
  if (error instanceof AppError) return { ok: false, message: error.message, fields: error.fields, values };
  if (error instanceof DatabaseUnavailableError || error instanceof InvalidDataError) return { ok: false, message: error.message, values };
  const code = prismaCode(error);
  if (code === "P2002") {
    const fields = uniqueFields(error);
    const fieldMessages = Object.fromEntries(fields.map((field) => [field, `Another record already uses this ${FIELD_LABELS[field] ?? field}.`]));
    return { ok: false, message: "That record already exists.", fields: fieldMessages, values };
  }
  if (code === "P2025") return { ok: false, message: "That record was not found; it may have been changed or removed.", values };
  if (code === "P2020") return { ok: false, message: "A value is out of range.", values };
  const requestId = (await headers()).get("x-request-id");
  log.error("action failed", { event: "action-error", requestId, error: error instanceof Error ? `${error.name}: ${error.message.split("\n").at(-1)}` : String(error) });
  return { ok: false, message: `Something went wrong; nothing was saved. (Reference ${requestId?.slice(0, 8) ?? "unknown"})`, values };
}
