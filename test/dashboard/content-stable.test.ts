import { describe, expect, it } from "vitest";
import { buildDashboard } from "../../src/dashboard/build.js";
import { issue } from "../support/snapshots.js";
import { dashboardInput, decidedState, stateOf, workflowIssue } from "./content-fixtures.js";

function issues() {
  return {
    open: [
      workflowIssue(decidedState("interim-manager", "2026-01-10"), { iid: 1 }),
      workflowIssue(decidedState("on-loan", "2026-01-10"), { iid: 2 }),
      workflowIssue(
        stateOf("promotion", {
          needsInfo: "2026-01-08",
          refused: [{ day: "2026-01-09", verb: "approve", by: "eve" }],
        }),
        { iid: 3 },
      ),
    ],
    closed: [
      workflowIssue(stateOf("promotion", { stage: "done", outcome: "promoted" }), {
        iid: 4,
        state: "closed",
        closedAt: "2025-12-01T10:00:00Z",
      }),
    ],
    followUps: [issue({ iid: 5, labels: [], title: "People team", createdAt: "2026-01-06T10:00:00Z" })],
  };
}

describe("the same issues give the same dashboard", () => {
  it("on the next day too, when nothing changed (a quiet day writes nothing)", () => {
    const monday = buildDashboard(dashboardInput({ ...issues(), today: "2026-01-12" }));
    const tuesday = buildDashboard(dashboardInput({ ...issues(), today: "2026-01-13" }));
    expect(tuesday.markdown).toBe(monday.markdown);
    expect(tuesday.csv).toBe(monday.csv);
  });

  it("whatever order the listing returned the issues in", () => {
    const sorted = issues();
    const shuffled = { ...sorted, open: [...sorted.open].reverse() };
    expect(buildDashboard(dashboardInput(shuffled)).markdown).toBe(
      buildDashboard(dashboardInput(sorted)).markdown,
    );
  });

  it("changes when a refusal ages past 7 days", () => {
    const within = buildDashboard(dashboardInput({ ...issues(), today: "2026-01-15" }));
    const after = buildDashboard(dashboardInput({ ...issues(), today: "2026-01-16" }));
    expect(within.markdown).toContain("refused command: career approve");
    expect(after.markdown).not.toContain("refused command: career approve");
  });

  it("on the limit day and the next: the bot marks an interim overdue on its limit day, dated by that day", () => {
    const state = stateOf("interim-manager", {
      member: "alice",
      actors: ["bob"],
      period: { start: "2025-11-10", limit: "2026-03-10" },
    });
    // The bot's label and due date on the limit day (its due date may be a later checkpoint).
    const open = [
      workflowIssue(state, { iid: 3, dueDate: "2026-03-10" }),
      workflowIssue(undefined, {
        iid: 4,
        labels: ["career::interim-manager", "career-status::overdue"],
        dueDate: "2026-04-01",
      }),
    ];
    const limitDay = buildDashboard(dashboardInput({ open, today: "2026-03-10" }));
    const nextDay = buildDashboard(dashboardInput({ open, today: "2026-03-11" }));
    expect(nextDay.markdown).toBe(limitDay.markdown);
    expect(limitDay.markdown).toContain(
      "- [#3](http://gitlab.test/org/careers/-/issues/3) Interim manager past its limit or planned end: waits for bob since 2026-03-10",
    );
    // No recorded day for the label-only issue: undated, never today or its future checkpoint.
    expect(limitDay.markdown).toContain(
      "- [#4](http://gitlab.test/org/careers/-/issues/4) Interim manager past its limit or planned end: waits for nobody named\n",
    );
  });

  it("a planned end is the appointment's last day: overdue from the day after", () => {
    const state = stateOf("acting-manager", {
      member: "alice",
      actors: ["bob"],
      period: { start: "2026-01-05", end: "2026-03-10" },
    });
    const open = [workflowIssue(state, { iid: 3 })];
    expect(buildDashboard(dashboardInput({ open, today: "2026-03-10" })).markdown).not.toContain(
      "past its limit",
    );
    expect(buildDashboard(dashboardInput({ open, today: "2026-03-11" })).markdown).toContain(
      "past its limit or planned end: waits for bob since 2026-03-10",
    );
  });
});
