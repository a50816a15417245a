import { describe, expect, it } from "vitest";
import { localDate, localMinutes, zonedInstant } from "./time-zone";

describe("schedule time zone arithmetic", () => {
  it("turns a local wall time into the instant it happens, either side of a clock change", () => {
    expect(zonedInstant("2025-01-15", "09:00", "Europe/London").toISOString()).toBe("2025-01-15T09:00:00.000Z");
    expect(zonedInstant("2025-07-15", "09:00", "Europe/London").toISOString()).toBe("2025-07-15T08:00:00.000Z");
    expect(zonedInstant("2025-07-15", "09:00", "America/New_York").toISOString()).toBe("2025-07-15T13:00:00.000Z");
    expect(zonedInstant("2025-07-15", "09:00", "Asia/Kolkata").toISOString()).toBe("2025-07-15T03:30:00.000Z");
  });

  it("puts a time skipped by the spring jump just after it, and a repeated autumn time at its first occurrence", () => {
    // London skips 01:00-02:00 on 30 March 2025 and repeats 01:00-02:00 on 26 October 2025.
    expect(zonedInstant("2025-03-30", "01:30", "Europe/London").toISOString()).toBe("2025-03-30T01:30:00.000Z");
    expect(zonedInstant("2025-10-26", "01:30", "Europe/London").toISOString()).toBe("2025-10-26T00:30:00.000Z");
  });

  it("reads the local date and minutes of an instant", () => {
    const instant = new Date("2025-02-03T23:30:00Z");
    expect(localDate(instant, "Europe/Berlin")).toBe("2025-02-04");
    expect(localDate(instant, "UTC")).toBe("2025-02-03");
    expect(localMinutes(instant, "Europe/Berlin")).toBe(30);
  });
});
