// Finding 5 of the security review, as the attack: a production deployment that forgot
// DATABASE_URL (or never meant to run on SQLite alone) must not turn into a demo with a known
// admin password and no session secret.
import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";

const SECRET = "x".repeat(40);

function settings(values: Record<string, string>) {
  return readEnv(values as unknown as NodeJS.ProcessEnv);
}

describe("[AUTH]: production is safe by default", () => {
  it("NODE_ENV=production without DATABASE_URL is not a demo: the session secret is required", () => {
    expect(() => settings({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET/);
  });

  it("NODE_ENV=production with a session secret runs without demo data or demo accounts", () => {
    expect(settings({ NODE_ENV: "production", SESSION_SECRET: SECRET }).isDemoMode).toBe(false);
  });

  it("demo mode in production only when DEMO_MODE=1 is set explicitly", () => {
    expect(settings({ NODE_ENV: "production", DEMO_MODE: "1" }).isDemoMode).toBe(true);
  });

  it("`npm start` on a laptop (no NODE_ENV given; Next then sets production itself) keeps the demo", () => {
    // scripts/start.mjs records the NODE_ENV the operator gave, empty when none, before Next sets it.
    expect(settings({ NODE_ENV: "production", START_NODE_ENV: "" }).isDemoMode).toBe(true);
    expect(settings({}).isDemoMode).toBe(true);
  });

  it("an operator's NODE_ENV=production through `npm start` is production", () => {
    expect(() => settings({ NODE_ENV: "production", START_NODE_ENV: "production" })).toThrow(/SESSION_SECRET/);
    expect(settings({ NODE_ENV: "production", START_NODE_ENV: "production", SESSION_SECRET: SECRET }).isProduction).toBe(true);
  });

  it("a real database means no demo data unless asked for, in any environment", () => {
    expect(settings({ DATABASE_URL: "postgresql://localhost/hrms" }).isDemoMode).toBe(false);
  });
});
