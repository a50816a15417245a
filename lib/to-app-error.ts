import "server-only";
import { z } from "zod";
import { DatabaseUnavailableError, InvalidDataError } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { prismaCode, uniqueFields } from "@/lib/prisma-errors";

const FIELD_LABELS: Record<string, string> = { workEmail: "work email", employeeNumber: "employee number", email: "email", code: "code" };

// The one mapping from whatever a service threw to an AppError a caller can act on, used by both
// boundaries (route handlers and server actions); `null` means unexpected: log it, say little.
// The API and the forms word a duplicate differently, since a program reads fields and a person
// reads sentences.
export function toAppError(error: unknown, audience: "api" | "form"): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError)
    return new AppError(
      "validation_failed",
      audience === "api" ? "The request has invalid fields." : "Please correct the highlighted fields.",
      zodFields(error),
    );
  if (error instanceof DatabaseUnavailableError) return new AppError("service_unavailable", error.message);
  if (error instanceof InvalidDataError) return new AppError("bad_request", error.message);
  const code = prismaCode(error);
  if (code === "P2002") {
    const fields = uniqueFields(error);
    if (audience === "api") {
      return new AppError(
        "conflict",
        "A record with the same unique value already exists.",
        fields.length ? Object.fromEntries(fields.map((field) => [field, "already in use"])) : undefined,
      );
    }
    return new AppError(
      "conflict",
      "That record already exists.",
      Object.fromEntries(fields.map((field) => [field, `Another record already uses this ${FIELD_LABELS[field] ?? field}.`])),
    );
  }
  if (code === "P2025")
    return new AppError("not_found", audience === "api" ? "The record was not found." : "That record was not found; it may have been changed or removed.");
  if (code === "P2020") return new AppError("validation_failed", "A value is out of range.");
  return null;
}

export function zodFields(error: z.ZodError, fallbackKey = "body"): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || fallbackKey] ??= issue.message;
  return fields;
}

// A one-line description of an unexpected error for the log, without a stack or a query.
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.split("\n").at(-1)}` : String(error);
}
