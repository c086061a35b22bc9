import { describe, expect, it } from "vitest";
import { buildDashboard, RECHECK_ITEM } from "../../src/dashboard/build.js";
import { workflows } from "../../src/workflows/index.js";
import { dashboardInput, stateOf, TODAY, workflowIssue } from "./content-fixtures.js";

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

describe("the dashboard's top", () => {
  it("says the description is the bot's, then the re-check box, unticked, and what it does", () => {
    const { markdown } = buildDashboard(dashboardInput());
    const lines = markdown.split("\n");
    expect(lines[0]).toContain("written entirely by career-bot");
    expect(lines[0]).toContain("replaced on the next update");
    expect(lines).toContain(`- [ ] ${RECHECK_ITEM}`);
    expect(lines.indexOf(`- [ ] ${RECHECK_ITEM}`)).toBe(2);
    expect(markdown).toContain("Ticking the box makes the bot re-check every open workflow");
    const order = [
      "Needs attention",
      "Running workflows",
      "Temporary appointments",
      "Career conversations",
      "Outcomes",
    ];
    const at = order.map((h) => markdown.indexOf(`## ${h}`));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(at.every((i) => i > 0)).toBe(true);
  });
});

describe("running workflows", () => {
  it.each(workflows.map((w) => [w.id, w] as const))(
    "%s: one table with stage, since, next checkpoint and who acts",
    (_, definition) => {
      const stage = definition.stages[1] ?? definition.stages[0]!;
      const state = stateOf(definition.id, {
        stage: stage.id,
        since: "2026-02-14",
        next: { label: "the next gate", day: "2026-04-01" },
        actors: ["bob", "dave"],
        member: "alice",
      });
      const open = workflowIssue(state, { iid: 7 });
      const running = section(buildDashboard(dashboardInput({ open: [open] })).markdown, "Running workflows");
      expect(running).toContain(`### ${definition.title} (1)`);
      expect(running).toContain(
        `| [#7](http://gitlab.test/org/careers/-/issues/7) | alice | ${stage.title} | 2026-02-14 | the next gate | 2026-04-01 | bob, dave |`,
      );
      for (const other of workflows.filter((w) => w.id !== definition.id))
        expect(running).not.toContain(`### ${other.title} (`);
    },
  );

  it("falls back to the labels and the due date for an issue without a state marker", () => {
    const open = workflowIssue(undefined, {
      iid: 8,
      labels: ["career::on-loan", "career-stage::active"],
      dueDate: "2026-06-30",
    });
    const running = section(buildDashboard(dashboardInput({ open: [open] })).markdown, "Running workflows");
    expect(running).toContain(
      "| [#8](http://gitlab.test/org/careers/-/issues/8) | unknown | On loan | unknown | due | 2026-06-30 | nobody named |",
    );
  });

  it("sorts rows by issue and caps a table with an 'and N more' line", () => {
    const open = Array.from({ length: 205 }, (_, i) =>
      workflowIssue(stateOf("promotion"), { iid: 1000 - i }),
    );
    const running = section(buildDashboard(dashboardInput({ open })).markdown, "Running workflows");
    const rows = running.split("\n").filter((l) => l.startsWith("| [#"));
    expect(rows).toHaveLength(200);
    expect(rows[0]).toContain("[#796]");
    expect(running).toContain("_and 5 more_");
  });

  it("says so when nothing runs", () => {
    expect(buildDashboard(dashboardInput({ today: TODAY })).markdown).toContain("No workflow is running.");
  });
});
