import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { parseForm } from "./forms";

vi.mock("next/headers", () => import("@/test/helpers/next-headers"));

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
}

describe("parseForm", () => {
  const schema = z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, "Capital letters."), name: z.string().min(3, "Too short."), password: z.string() });

  it("keeps what was typed for a refused form, a record's code included, but never a password", () => {
    const result = parseForm(form({ code: "E2E_WEEKLY", name: "E2", password: "hunter22" }), schema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.state?.fields).toEqual({ name: "Too short." });
    expect(result.state?.values).toEqual({ code: "E2E_WEEKLY", name: "E2" });
  });

  it("gives the parsed data when the form is valid", () => {
    const result = parseForm(form({ code: "OK", name: "Weekly", password: "x" }), schema);
    expect(result).toMatchObject({ ok: true, data: { code: "OK", name: "Weekly", password: "x" } });
  });
});
