import { describe, expect, it } from "vitest";
import { parseLevel } from "../../src/careers/interim-table.js";
import { defaultConfig } from "../../src/config/schema.js";
import { ActingData, check } from "../../src/workflows/acting-manager-rules.js";
import { startsBeforeCompany } from "../../src/workflows/tenure.js";
import { parseTrialLevel, TrialLevelField } from "../../src/workflows/trial-level.js";

/* The edges of the data blocks' checks: the day itself, and spaces a person quoted in. */

function acting(start: string, end: string) {
  return ActingData.parse({
    team_member: "alice",
    manager: "bob",
    company_start_date: "2020-01-01",
    start_date: start,
    end_date: end,
    reason: "coverage",
  });
}

describe("data block edges", () => {
  it("refuses an acting appointment whose end_date is its start_date: it needs a planned end", () => {
    const problems = check(acting("2026-03-01", "2026-03-01"), defaultConfig());
    expect(problems).toEqual([expect.objectContaining({ field: "end_date", value: "2026-03-01" })]);
    expect(check(acting("2026-03-01", "2026-03-02"), defaultConfig())).toEqual([]);
  });

  it("takes a role starting on company_start_date as not before it", () => {
    expect(startsBeforeCompany("2026-01-05", "start_date", "2026-01-05")).toEqual([]);
    expect(startsBeforeCompany("2026-01-05", "start_date", "2026-01-04")).toEqual([
      expect.objectContaining({ field: "start_date", value: "2026-01-04" }),
    ]);
  });

  it('reads a quoted " Senior " level as Senior', () => {
    expect(parseTrialLevel(" Senior ")).toBe("Senior");
    expect(TrialLevelField.parse(" Senior ")).toBe("Senior");
    expect(parseLevel(" Senior ")).toBe("Senior");
    expect(parseLevel(" sr. manager ")).toBe("Senior Manager");
  });
});
