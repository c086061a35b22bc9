import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { buildDashboard } from "../../src/dashboard/build.js";
import type { Action } from "../../src/engine/actions.js";
import { decide } from "../../src/engine/decide.js";
import { comment, issue, people, snapshot, yamlBlock } from "../support/snapshots.js";
import { dashboardInput, definition, SAMPLE_DATA, stateOf, workflowIssue } from "./content-fixtures.js";

/*
 * Days on the dashboard are days in the config's time zone: a comment written at 03:00 UTC on
 * 1 March was written on 28 February in Los Angeles, and 16:00 UTC on 31 March is 1 April in Tokyo.
 */

function zoned(timezone: string) {
  return {
    ...defaultConfig(),
    timezone,
    conversations: { ...defaultConfig().conversations, roster: [{ manager: "bob", reports: ["alice"] }] },
  };
}

const LA = zoned("America/Los_Angeles");
const TOKYO = zoned("Asia/Tokyo");

/** The state the real `decide` writes for an interim with one refused command. */
function refusedState(config: typeof LA, at: string) {
  const def = definition("interim-manager");
  const fresh = issue({ labels: [def.label], description: yamlBlock(SAMPLE_DATA["interim-manager"]!) });
  const refused = comment("eve", "/career decision promote", at);
  const plan = decide({
    definition: def,
    snapshot: snapshot(fresh, [refused], Object.fromEntries(Object.entries(people))),
    config,
    now: new Date("2026-03-02T20:00:00Z"),
  });
  const section = plan.actions.find((a): a is Extract<Action, { kind: "section" }> => a.kind === "section");
  return section!.model.state!;
}

function attention(markdown: string): string[] {
  return markdown
    .slice(markdown.indexOf("## Needs attention"), markdown.indexOf("## Running workflows"))
    .split("\n")
    .filter((l) => l.startsWith("- "));
}

describe("a dashboard in a time zone other than UTC", () => {
  it("dates a refusal and a follow-up by their day in the zone", () => {
    const state = refusedState(LA, "2026-03-01T03:00:00Z");
    expect(state.refused).toEqual([{ day: "2026-02-28", verb: "decision", by: "eve" }]);
    const followUp = issue({
      iid: 12,
      labels: [],
      title: "People team",
      createdAt: "2026-03-01T03:00:00Z",
      webUrl: "http://gitlab.test/org/careers/-/issues/12",
    });
    const input = dashboardInput({
      config: LA,
      today: "2026-03-02",
      open: [workflowIssue(state, { iid: 3 })],
      followUps: [followUp],
    });
    const lines = attention(buildDashboard(input).markdown);
    expect(lines.filter((l) => l.includes("refused command"))[0]).toMatch(/since 2026-02-28$/);
    expect(lines.filter((l) => l.includes("follow-up still open"))[0]).toMatch(/since 2026-02-28$/);
  });

  it("counts a workflow closed by its day in the zone", () => {
    const closed = workflowIssue(stateOf("promotion", { stage: "done", outcome: "promoted" }), {
      iid: 4,
      state: "closed",
      // 2025-12-31 in Los Angeles: more than 12 months before 2027-01-01, so left out.
      closedAt: "2026-01-01T03:00:00Z",
    });
    const utc = buildDashboard(dashboardInput({ today: "2027-01-01", closed: [closed] })).markdown;
    const la = buildDashboard(dashboardInput({ config: LA, today: "2027-01-01", closed: [closed] })).markdown;
    expect(utc).toContain("| Promotion | promoted | 1 |");
    expect(la).not.toContain("| Promotion | promoted | 1 |");
  });

  it("starts the quarter on its first day in the zone", () => {
    const byHand = (createdAt: string) =>
      workflowIssue(stateOf("conversation", { stage: "conversations", member: "bob" }), {
        iid: 31,
        createdAt,
      });
    const row = (config: typeof LA, createdAt: string) =>
      buildDashboard(dashboardInput({ config, today: "2026-04-15", open: [byHand(createdAt)] }))
        .markdown.split("\n")
        .find((l) => l.startsWith("| bob |"));
    // 31 March in Los Angeles: last quarter's issue.
    expect(row(LA, "2026-04-01T03:00:00Z")).toBe("| bob | none yet | no |");
    // 1 April in Tokyo: this quarter's.
    expect(row(TOKYO, "2026-03-31T16:00:00Z")).toContain("[#31]");
  });
});
