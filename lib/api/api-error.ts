import "server-only";
import { NextResponse } from "next/server";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { log } from "@/lib/log";
import { describeError, toAppError } from "@/lib/to-app-error";

export { zodFields } from "@/lib/to-app-error";

export type ApiErrorBody = { error: { code: ErrorCode | "internal_error"; message: string; fields?: Record<string, string> } };

export function apiError(code: ErrorCode, message: string, fields?: Record<string, string>) {
  return NextResponse.json<ApiErrorBody>({ error: { code, message, ...(fields ? { fields } : {}) } }, { status: ERROR_STATUS[code] });
}

// The API's one error boundary: caller mistakes become 4xx with a message, an outage 503, and
// anything else a logged 500 that says nothing about internals.
export function handleApiError(error: unknown, request: Request): NextResponse<ApiErrorBody> {
  const known = toAppError(error, "api");
  if (known) return apiError(known.code, known.message, known.fields);
  const requestId = request.headers.get("x-request-id");
  log.error("API request failed", { event: "api-error", requestId, path: new URL(request.url).pathname, error: describeError(error) });
  return NextResponse.json<ApiErrorBody>(
    { error: { code: "internal_error", message: `Unexpected error (reference ${requestId ?? "none"}).` } },
    { status: 500 },
  );
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
