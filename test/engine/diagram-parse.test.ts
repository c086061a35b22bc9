import { describe, expect, it } from "vitest";
import { buildDashboard } from "../../src/dashboard/build.js";
import { stageDiagram } from "../../src/engine/diagram.js";
import { workflows } from "../../src/workflows/index.js";
import { dashboardInput, decidedState, stateOf, workflowIssue } from "../dashboard/content-fixtures.js";
import { mermaidBlocks, parseMermaid } from "../support/mermaid.js";

/** Every diagram the bot writes is parsed by Mermaid itself: a diagram GitLab cannot draw fails here. */
describe("the stage diagrams", () => {
  it.each(workflows.map((w) => [w.id, w] as const))(
    "%s: at every stage and before any",
    async (_, definition) => {
      for (const stage of [undefined, ...definition.stages.map((s) => s.id)]) {
        await expect(parseMermaid(stageDiagram(definition, stage))).resolves.toBe("flowchart-v2");
      }
    },
  );
});

describe("the dashboard's Gantt chart", () => {
  it("with every temporary appointment, milestones and a bar through its last day", async () => {
    const temporary = workflows.filter((w) => w.period).map((w) => w.id);
    const open = [
      ...temporary.map((id, i) => workflowIssue(decidedState(id), { iid: 5 + i })),
      workflowIssue(
        stateOf("acting-manager", { member: "alice", period: { start: "2026-03-01", end: "2026-03-31" } }),
        { iid: 40 },
      ),
    ];
    const blocks = mermaidBlocks(buildDashboard(dashboardInput({ open, today: "2026-01-10" })).markdown);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) await expect(parseMermaid(block)).resolves.toMatch(/^(gantt|flowchart)/);
    expect(blocks.some((block) => block.startsWith("gantt"))).toBe(true);
  });
});
