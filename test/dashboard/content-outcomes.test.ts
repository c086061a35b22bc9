import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { buildDashboard } from "../../src/dashboard/build.js";
import { medianOf } from "../../src/dashboard/outcomes.js";
import { dashboardInput, stateOf, workflowIssue } from "./content-fixtures.js";

function closedInterim(
  iid: number,
  start: string,
  end: string,
  outcome: string,
  closedAt = `${end}T12:00:00Z`,
  limit?: string,
) {
  const state = stateOf("interim-manager", {
    stage: "done",
    since: end,
    outcome,
    period: { start, ...(limit ? { limit } : {}) },
  });
  return workflowIssue(state, {
    iid,
    state: "closed",
    closedAt,
    labels: ["career::interim-manager", "career-stage::done", `career-outcome::${outcome}`],
  });
}

function outcomes(markdown: string): string {
  return markdown.slice(markdown.indexOf("## Outcomes"));
}

describe("outcomes of the last 12 months", () => {
  it("counts closed workflows by outcome, leaving out those closed earlier", () => {
    const closed = [
      closedInterim(1, "2025-06-01", "2025-08-01", "promoted"),
      closedInterim(2, "2025-06-01", "2025-12-01", "returned"),
      closedInterim(3, "2024-01-01", "2024-03-01", "promoted"),
      workflowIssue(stateOf("promotion", { stage: "done", outcome: "promoted" }), {
        iid: 4,
        state: "closed",
        closedAt: "2026-01-10T10:00:00Z",
      }),
    ];
    const text = outcomes(buildDashboard(dashboardInput({ closed, today: "2026-03-10" })).markdown);
    expect(text).toContain("| Interim manager | promoted | 1 |");
    expect(text).toContain("| Interim manager | returned | 1 |");
    expect(text).toContain("| Promotion | promoted | 1 |");
  });

  it("gives the interims' median days from start to promotion and how many stayed within the limit", () => {
    const closed = [
      closedInterim(1, "2025-06-01", "2025-07-01", "promoted"), // 30 days
      closedInterim(2, "2025-06-01", "2025-08-10", "promoted"), // 70 days
      closedInterim(3, "2025-06-01", "2025-12-01", "promoted"), // 183 days, past 4 months
      closedInterim(4, "2025-06-01", "2025-07-31", "returned"), // 60 days, not a promotion
    ];
    const text = outcomes(buildDashboard(dashboardInput({ closed, today: "2026-03-10" })).markdown);
    expect(text).toContain(
      "Interim managers: median 70 days from start to promotion (3 promoted); 3 of 4 stayed within the 4-month limit.",
    );
  });

  it("measures an interim closed by hand before its final stage to the day it was closed", () => {
    const state = stateOf("interim-manager", {
      stage: "hiring",
      since: "2025-02-01",
      member: "alice",
      // Labelled by hand as promoted, so the median shows the days measured.
      outcome: "promoted",
      period: { start: "2025-01-05", limit: "2025-05-05" },
    });
    const closed = [workflowIssue(state, { iid: 1, state: "closed", closedAt: "2026-01-10T12:00:00Z" })];
    const { json } = buildDashboard(dashboardInput({ closed, today: "2026-03-10" }));
    const { interim } = (json as { outcomes: { interim: Record<string, number> } }).outcomes;
    // 2025-01-05 to 2026-01-10, not to 2025-02-01 when the stage began.
    expect(interim).toMatchObject({ withinLimit: 0, ended: 1, medianDaysToPromotion: 370 });
  });

  it("compares against the limit the bot recorded for the interim, when there is one", () => {
    const closed = [
      closedInterim(1, "2025-06-01", "2025-11-01", "promoted", undefined, "2025-12-01"),
      closedInterim(2, "2025-06-01", "2025-07-01", "promoted", undefined, "2025-08-01"),
    ];
    const text = outcomes(buildDashboard(dashboardInput({ closed, today: "2026-03-10" })).markdown);
    // The first ended past 4 months from its start, but within the limit recorded for it.
    expect(text).toContain("2 of 2 stayed within the 4-month limit.");
  });

  it("reads the limit's months from the config", () => {
    const config = { ...defaultConfig(), interim: { ...defaultConfig().interim, max_months: 1 } };
    const closed = [
      closedInterim(1, "2025-06-01", "2025-07-01", "promoted"),
      closedInterim(2, "2025-06-01", "2025-08-10", "promoted"),
    ];
    const text = outcomes(buildDashboard(dashboardInput({ closed, config, today: "2026-03-10" })).markdown);
    expect(text).toContain("1 of 2 stayed within the 1-month limit.");
  });

  it("takes the median of an even count as the mean of the middle two", () => {
    expect(medianOf([10, 40, 20, 30])).toBe(25);
    expect(medianOf([5])).toBe(5);
    expect(medianOf([])).toBeUndefined();
  });

  it("says so when nothing was closed", () => {
    expect(buildDashboard(dashboardInput()).markdown).toContain(
      "No workflow was closed in the last 12 months.",
    );
  });
});
