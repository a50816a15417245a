import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/log";
import { classifyEscape, handleUncaughtException, handleUnhandledRejection } from "./process-handlers";

// What pg emits when a backend ends the session: an Error with PostgreSQL's SQLSTATE as its code.
function pgError(message: string, code: string) {
  return Object.assign(new Error(message), { code, severity: "FATAL" });
}

afterEach(() => vi.restoreAllMocks());

describe("escaped errors", () => {
  it("[PROCESS]: a driver error saying the server went away is a connection error, anything else is fatal", () => {
    expect(classifyEscape(pgError("terminating connection due to unexpected postmaster exit", "57P01"))).toBe("connection");
    expect(classifyEscape(pgError("terminating connection due to administrator command", "57P01"))).toBe("connection");
    expect(classifyEscape(new Error("Connection terminated unexpectedly"))).toBe("connection");
    expect(classifyEscape(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe("fatal");
    expect(classifyEscape(pgError('duplicate key value violates unique constraint "Employee_workEmail_key"', "23505"))).toBe("fatal");
    expect(classifyEscape("a string")).toBe("fatal");
  });

  it("[PROCESS]: an escaped connection error is logged with its stack and the process carries on", () => {
    const error = vi.spyOn(log, "error").mockImplementation(() => {});
    const exit = vi.fn();
    handleUncaughtException(pgError("terminating connection due to unexpected postmaster exit", "57P01"), "uncaughtException", exit);
    expect(exit).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledTimes(1);
    const fields = error.mock.calls[0][1] as { origin: string; error: { code: string; stack: string } };
    expect(fields.origin).toBe("uncaughtException");
    expect(fields.error.code).toBe("57P01");
    expect(fields.error.stack).toContain("process-handlers.test.ts");
  });

  it("[PROCESS]: any other uncaught exception is logged and ends the process with status 1", () => {
    const error = vi.spyOn(log, "error").mockImplementation(() => {});
    const exit = vi.fn();
    handleUncaughtException(new TypeError("boom"), "uncaughtException", exit);
    expect(exit).toHaveBeenCalledWith(1);
    expect((error.mock.calls[0][1] as { error: { message: string } }).error.message).toBe("boom");
  });

  it("[PROCESS]: an unhandled rejection is logged, never fatal", () => {
    const error = vi.spyOn(log, "error").mockImplementation(() => {});
    handleUnhandledRejection(new RangeError("late"));
    expect(error).toHaveBeenCalledWith("unhandled promise rejection", expect.objectContaining({ kind: "fatal" }));
  });
});
