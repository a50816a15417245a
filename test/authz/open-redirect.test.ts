// Finding 2 of the security review, as the attack: a `next` value that a browser would resolve to
// another site must never come back from safeNextPath.
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/validations/auth";

// What a browser does with a Location header on the app's own page.
function resolvedByBrowser(location: string): string {
  return new URL(location, "https://hrms.example.com/sign-in").origin;
}

describe("[AUTH]: the sign-in `next` parameter", () => {
  const ATTACKS = [
    "/\t/evil.example/login", // the measured one: /%09/evil.example/login, decoded by the router
    "/\n/evil.example",
    "/\r/evil.example",
    "/\u0000/evil.example",
    "/\\evil.example",
    "/a\\..\\..\\/evil.example",
    "//evil.example",
    "/.//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    " /dashboard",
    "",
  ];

  for (const attack of ATTACKS) {
    it(`refuses ${JSON.stringify(attack)}: the user lands on the dashboard`, () => {
      const next = safeNextPath(attack);
      expect(next).toBe("/dashboard");
      expect(resolvedByBrowser(next)).toBe("https://hrms.example.com");
    });
  }

  it("keeps a same-site path with its query and fragment", () => {
    expect(safeNextPath("/employees?q=smith&page=2#list")).toBe("/employees?q=smith&page=2#list");
    expect(safeNextPath("/leave/approvals")).toBe("/leave/approvals");
  });

  it("refuses anything that is not a string", () => {
    expect(safeNextPath(["/a", "/b"])).toBe("/dashboard");
    expect(safeNextPath(undefined)).toBe("/dashboard");
  });
});
