// One error type for what a caller can do something about, with a code mapped to an HTTP status
// at one boundary (lib/api/api-error.ts for the API, form state for server actions).
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  validation_failed: 422,
  too_many_requests: 429,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "That record") => new AppError("not_found", `${what} was not found.`);
export const forbidden = () => new AppError("forbidden", "You do not have permission to do that.");
