import { describe, expect, it } from "vitest";
import { addDays, addMonths, dayOf, monthsBetween, parseDay, quarterOf } from "../../src/engine/dates.js";

describe("calendar days", () => {
  it("rejects impossible and malformed dates", () => {
    expect(parseDay("2026-02-30")).toBeUndefined();
    expect(parseDay("2026-13-01")).toBeUndefined();
    expect(parseDay("26-01-01")).toBeUndefined();
    expect(parseDay("2024-02-29")).toBe("2024-02-29");
  });

  it("adds months, clamping to the end of a shorter month", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-03-01", 4)).toBe("2026-07-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("counts whole months only once their day is reached", () => {
    expect(monthsBetween("2025-03-01", "2025-09-01")).toBe(6);
    expect(monthsBetween("2025-03-02", "2025-09-01")).toBe(5);
    expect(monthsBetween("2025-08-31", "2026-02-28")).toBe(6);
  });

  it("puts an instant on the day of the configured time zone", () => {
    expect(dayOf("2026-03-01T23:30:00Z", "UTC")).toBe("2026-03-01");
    expect(dayOf("2026-03-01T23:30:00Z", "Europe/Berlin")).toBe("2026-03-02");
    expect(dayOf("2026-03-01T02:00:00Z", "America/Los_Angeles")).toBe("2026-02-28");
  });

  it("names quarters", () => {
    expect(quarterOf("2026-11-27")).toEqual({
      id: "2026-Q4",
      label: "Q4 2026",
      firstDay: "2026-10-01",
      lastDay: "2026-12-31",
    });
  });
});
