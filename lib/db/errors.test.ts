import { describe, expect, it } from "vitest";
import { findUnstorableValue, isConnectionError } from "./errors";

describe("isConnectionError", () => {
  it.each([
    ["a Prisma connection code", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
    ["a socket error", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["pg-pool's connect timeout", new Error("timeout exceeded when trying to connect")],
    ["a terminated connection, wrapped", new Error("query failed", { cause: new Error("Connection terminated unexpectedly") })],
    ["an adapter error kind", Object.assign(new Error("adapter"), { cause: { kind: "DatabaseNotReachable" } })],
    ["a server shutting down", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
  ])("counts %s as an outage", (_label, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("Unique constraint failed on the fields: (`workEmail`)"), { code: "P2002" })],
    ["a missing record", Object.assign(new Error("No record was found for an update."), { code: "P2025" })],
    ["a syntax error", Object.assign(new Error('syntax error at or near "SELEC"'), { code: "42601" })],
    ["nothing at all", undefined],
  ])("does not count %s as an outage", (_label, error) => {
    expect(isConnectionError(error)).toBe(false);
  });
});

describe("findUnstorableValue", () => {
  it("finds text PostgreSQL cannot store and integers beyond its int column, at any depth", () => {
    expect(findUnstorableValue({ data: { firstName: "Ada\u0000" } })).toBe("Text may not contain NUL characters.");
    expect(findUnstorableValue({ where: { OR: [{ q: { contains: "x\u0000" } }] } })).toBe("Text may not contain NUL characters.");
    expect(findUnstorableValue({ data: { salaryCents: 2_147_483_648 } })).toBe("A number is too large to store.");
  });

  it("accepts ordinary values", () => {
    expect(findUnstorableValue({ data: { firstName: "Zoë", salaryCents: 2_147_483_647, hireDate: new Date(), tags: ["a"] } })).toBeNull();
  });
});
