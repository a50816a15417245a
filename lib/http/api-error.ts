import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { DatabaseUnavailableError, InvalidDataError } from "@/lib/db";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { log } from "@/lib/log";
import { prismaCode, uniqueFields } from "@/lib/prisma-errors";

export type ApiErrorBody = { error: { code: ErrorCode | "internal_error"; message: string; fields?: Record<string, string> } };

export function apiError(code: ErrorCode, message: string, fields?: Record<string, string>) {
  return NextResponse.json<ApiErrorBody>({ error: { code, message, ...(fields ? { fields } : {}) } }, { status: ERROR_STATUS[code] });
}

export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "body"] ??= issue.message;
  return fields;
}

// The API's one error boundary: caller mistakes become 4xx with a message, an outage 503, and
// anything else a logged 500 that says nothing about internals.
export function handleApiError(error: unknown, request: Request): NextResponse<ApiErrorBody> {
  if (error instanceof AppError) return apiError(error.code, error.message, error.fields);
  if (error instanceof z.ZodError) return apiError("validation_failed", "The request has invalid fields.", zodFields(error));
  if (error instanceof DatabaseUnavailableError) return apiError("service_unavailable", error.message);
  if (error instanceof InvalidDataError) return apiError("bad_request", error.message);
  const code = prismaCode(error);
  if (code === "P2002") {
    const fields = Object.fromEntries(uniqueFields(error).map((field) => [field, "already in use"]));
    return apiError("conflict", "A record with the same unique value already exists.", Object.keys(fields).length ? fields : undefined);
  }
  if (code === "P2025") return apiError("not_found", "The record was not found.");
  if (code === "P2020") return apiError("validation_failed", "A value is out of range.");
  const requestId = request.headers.get("x-request-id");
  log.error("API request failed", { event: "api-error", requestId, path: new URL(request.url).pathname, error: error instanceof Error ? `${error.name}: ${error.message.split("\n").at(-1)}` : String(error) });
  return NextResponse.json<ApiErrorBody>({ error: { code: "internal_error", message: `Unexpected error (reference ${requestId ?? "none"}).` } }, { status: 500 });
}

// Reads a JSON body, turning malformed JSON into a 400 instead of an exception.
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > 1_000_000) throw new AppError("bad_request", "The request body is too large.");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}
