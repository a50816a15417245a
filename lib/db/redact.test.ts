import { describe, expect, it } from "vitest";
import { redactSecrets } from "./redact";

describe("redactSecrets", () => {
  it("hides hashes, tokens and second-factor secrets, and keeps everything else", () => {
    expect(
      redactSecrets({ id: "u1", email: "hr@example.com", passwordHash: "$argon2id$...", tokenHash: "abc", totpSecret: "JBSW", role: "HR", lastTokenAt: null }),
    ).toEqual({
      id: "u1",
      email: "hr@example.com",
      passwordHash: "(hidden)",
      tokenHash: "(hidden)",
      totpSecret: "(hidden)",
      role: "HR",
      lastTokenAt: null,
    });
    expect(redactSecrets(null)).toBeNull();
  });
});
