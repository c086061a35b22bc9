import { describe, expect, it } from "vitest";
import { buildDashboard } from "../../src/dashboard/build.js";
import { ganttName } from "../../src/dashboard/gantt.js";
import { workflows } from "../../src/workflows/index.js";
import { dashboardInput, decidedState, definition, stateOf, workflowIssue } from "./content-fixtures.js";

function chart(markdown: string): string[] {
  const start = markdown.indexOf("```mermaid\n");
  if (start < 0) return [];
  const end = markdown.indexOf("\n```", start + 1);
  return markdown.slice(start + "```mermaid\n".length, end).split("\n");
}

const TEMPORARY = ["interim-manager", "acting-manager", "on-loan", "apprenticeship", "management-trial"];

describe("the Gantt chart of temporary appointments", () => {
  it("covers exactly the workflows whose definition names a period", () => {
    expect(
      workflows
        .filter((w) => w.period)
        .map((w) => w.id)
        .sort(),
    ).toEqual([...TEMPORARY].sort());
  });

  const expected: Record<string, { bar: string; milestones: string[] }> = {
    "interim-manager": {
      bar: "  Issue 5 alice :t7x5, 2026-01-05, 2026-05-06",
      milestones: [
        "  5 reminder ahead of the interim period s limit :milestone, 2026-04-05, 0d",
        "  5 interim period limit :milestone, 2026-05-05, 0d",
      ],
    },
    "acting-manager": { bar: "  Issue 5 alice :t7x5, 2026-01-05, 2026-05-01", milestones: [] },
    "on-loan": {
      bar: "  Issue 5 alice :t7x5, 2026-01-05, 2026-07-01",
      milestones: [
        "  5 reminder ahead of the end of the loan :milestone, 2026-06-16, 0d",
        "  5 loan ends :milestone, 2026-06-30, 0d",
      ],
    },
    apprenticeship: { bar: "  Issue 5 alice :t7x5, 2026-01-05, 2026-07-06", milestones: [] },
    "management-trial": { bar: "  Issue 5 alice :t7x5, 2026-01-05, 2026-04-06", milestones: [] },
  };

  it.each(TEMPORARY)(
    "%s: a section, a bar over its period (the interim's: to its limit from config) and its checkpoints",
    (id) => {
      const state = decidedState(id);
      const open = workflowIssue(state, { iid: 5 });
      const lines = chart(buildDashboard(dashboardInput({ open: [open], today: "2026-01-10" })).markdown);
      expect(lines.slice(0, 3)).toEqual(["gantt", "  dateFormat YYYY-MM-DD", "  axisFormat %Y-%m-%d"]);
      expect(lines[3]).toBe(`  section ${ganttName(definition(id).title)}`);
      expect(lines[4]).toBe(expected[id]!.bar);
      expect(lines.slice(5)).toEqual(expected[id]!.milestones);
    },
  );

  it("ends the bar at the planned end when a workflow has both a planned end and a later limit", () => {
    const state = stateOf("on-loan", {
      member: "alice",
      period: { start: "2026-01-05", end: "2026-03-31", limit: "2026-06-30" },
    });
    const lines = chart(
      buildDashboard(dashboardInput({ open: [workflowIssue(state, { iid: 5 })], today: "2026-01-10" }))
        .markdown,
    );
    // Mermaid's end is exclusive: the day after the planned end, not after the limit.
    expect(lines.find((line) => line.includes(":t"))).toMatch(/, 2026-01-05, 2026-04-01$/);
  });

  it("takes the interim's limit from the config", () => {
    const open = workflowIssue(decidedState("interim-manager"), { iid: 5 });
    const input = dashboardInput({ open: [open] });
    // The limit is the bot's own, computed from interim.max_months when it wrote the section.
    expect(chart(buildDashboard(input).markdown).join("\n")).toContain("2026-05-05");
  });

  it("draws a bar through its last day: Mermaid's end date is exclusive, so the chart gets the day after", () => {
    const state = stateOf("acting-manager", {
      member: "alice",
      period: { start: "2026-03-01", end: "2026-03-31" },
    });
    const input = dashboardInput({ open: [workflowIssue(state, { iid: 6 })] });
    const content = buildDashboard(input);
    expect(chart(content.markdown)).toContain("  Issue 6 alice :t7x6, 2026-03-01, 2026-04-01");
    // The data keeps the last day itself; only Mermaid's source needs the shift.
    expect(JSON.stringify(content.json)).toContain('"start":"2026-03-01","end":"2026-03-31"');
  });

  it("marks an appointment past its limit as critical", () => {
    const state = stateOf("interim-manager", {
      member: "alice",
      period: { start: "2025-09-01", limit: "2026-01-01" },
    });
    const lines = chart(
      buildDashboard(dashboardInput({ open: [workflowIssue(state, { iid: 9 })] })).markdown,
    );
    expect(lines).toContain("  Issue 9 alice :crit, t7x9, 2025-09-01, 2026-01-02");
  });

  it("draws 50 appointments in sections per workflow and lists the rest below", () => {
    const open = Array.from({ length: 60 }, (_, i) =>
      workflowIssue(
        stateOf(i % 2 ? "on-loan" : "acting-manager", {
          member: "alice",
          period: { start: "2026-03-01", end: "2026-09-01" },
        }),
        {
          iid: 200 + i,
        },
      ),
    );
    const { markdown } = buildDashboard(dashboardInput({ open }));
    const lines = chart(markdown);
    expect(lines.filter((l) => l.startsWith("  section "))).toEqual([
      "  section Acting manager",
      "  section On loan",
    ]);
    expect(lines.filter((l) => / :(crit, )?t7x/.test(l))).toHaveLength(50);
    expect(markdown).toContain("Not drawn (the chart shows the first 50):");
    expect(markdown.split("\n").filter((l) => /^- \[#\d+\].*2026-03-01 to 2026-09-01/.test(l))).toHaveLength(
      10,
    );
  });

  it.each([
    "gantt",
    "gantt.x",
    "click",
    "Section",
    "title",
    "dateFormat",
    "inclusiveEndDates",
    "excludes",
    "includes",
    "todayMarker",
    "tickInterval",
    "axisFormat",
    "weekday",
    "2026-01-05",
    "accTitle",
    "accDescr",
  ])("starts every task name with fixed text, whatever the username (%s)", (username) => {
    const plain = stateOf("acting-manager", {
      member: "alice",
      period: { start: "2026-01-05", end: "2026-04-30" },
    });
    const keyword = { ...plain, member: username };
    const linesOf = (state: typeof plain) =>
      chart(buildDashboard(dashboardInput({ open: [workflowIssue(state, { iid: 5 })] })).markdown);
    const task = (l: string) => / :(crit, )?t7x\d+, /.test(l);
    const lines = linesOf(keyword);
    const tasks = lines.filter(task);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.startsWith("  Issue 5 ")).toBe(true);
    // Everything but the task line is what the chart of a plain username holds.
    expect(lines.filter((l) => !task(l))).toEqual(linesOf(plain).filter((l) => !task(l)));
  });

  it("keeps task names to characters Mermaid cannot misread", () => {
    expect(ganttName("x: y; #1\nz /close @all <!-- -->")).toBe("x y 1 z close all -- --");
    expect(ganttName(":#;")).toBe("unnamed");
    expect(ganttName("a".repeat(100))).toHaveLength(60);
  });

  it("says so when no temporary appointment runs", () => {
    const open = [workflowIssue(stateOf("promotion"))];
    const { markdown } = buildDashboard(dashboardInput({ open }));
    expect(markdown).not.toContain("```mermaid");
    expect(markdown).toContain("No temporary appointment is running.");
  });
});
