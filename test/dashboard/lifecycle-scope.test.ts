import { describe, expect, it } from "vitest";
import { DashboardWorld } from "../support/dashboard-world.js";
import { PROJECT } from "../support/world.js";

const EMEA = "people/emea";
const AMER = "people/amer";
const HUB = "people/hub";

function groupWorld(home: string): DashboardWorld {
  const config = `people_ops: [carol]\ndashboard:\n  enabled: true\n  project: "${home}"\n`;
  return new DashboardWorld({ projects: [EMEA, AMER, HUB], config });
}

describe("where the dashboard lives", () => {
  it("with sweep --group: in dashboard.project, covering every project of the group", async () => {
    const world = groupWorld(HUB);
    const emea = world.openInterim(EMEA, "Interim manager: alice (EMEA)").issue;
    const amer = world.openInterim(AMER, "Interim manager: dave (AMER)").issue;
    const summary = await world.sweep({ group: "people" });
    expect(summary.failures).toEqual([]);
    expect(world.dashboards(EMEA)).toHaveLength(0);
    expect(world.dashboards(AMER)).toHaveLength(0);
    const dashboard = world.dashboard(HUB);
    // What it shows is the content's business; that it was built from the whole group is ours.
    const ctx = await world.context();
    const { readDashboardInput } = await import("../../src/dashboard/read.js");
    const input = await readDashboardInput(ctx, { group: "people" });
    expect(input.open.map((i) => i.projectId).sort()).toEqual([emea.projectId, amer.projectId].sort());
    // The bot's own issues (conversation tokens, needs-info on its issues) are told apart by its id.
    expect(input.botId).toBe(ctx.bot.id);
    expect(dashboard.description).toBe(await world.expectedMarkdown({ group: "people" }));
    expect(dashboard.description).not.toBe(await world.expectedMarkdown({ project: EMEA }));
    // A second group sweep keeps the same one and writes nothing to it.
    world.state.requestCounts.clear();
    await world.sweep({ group: "people" });
    expect(world.dashboards(HUB)).toHaveLength(1);
    expect(world.writes()).toBe(0);
  });

  it("with sweep --group and no dashboard.project: none, said once in the summary, not an error", async () => {
    const world = groupWorld("");
    world.openInterim(EMEA);
    const summary = await world.sweep({ group: "people" });
    expect(summary.failures).toEqual([]);
    for (const project of [EMEA, AMER, HUB]) expect(world.dashboards(project)).toHaveLength(0);
    expect(world.lines.filter((line) => line.includes("no group dashboard"))).toHaveLength(1);
    expect(world.calls.filter((call) => call.includes("career-dashboard"))).toEqual([]);
  });

  it("a project sweep leaves the dashboard to the group sweep when dashboard.project is set", async () => {
    const world = groupWorld(HUB);
    world.openInterim(EMEA);
    await world.sweep({ project: EMEA });
    await world.sweep({ project: HUB });
    for (const project of [EMEA, AMER, HUB]) expect(world.dashboards(project)).toHaveLength(0);
  });
});

describe("switched off", () => {
  it("reads nothing beyond the sweep's own listings and writes nothing", async () => {
    const world = new DashboardWorld({ config: "people_ops: [carol]\ndashboard:\n  enabled: false\n" });
    world.openInterim();
    world.state.advance({ days: 5 });
    world.state.requestCounts.clear();
    const summary = await world.sweep();
    expect(world.dashboards()).toHaveLength(0);
    expect(world.writes()).toBe(0);
    expect(summary.issues).toEqual([]);
    // The due listing and the recently-updated listing: what a sweep read before the dashboard.
    expect(world.calls.filter((call) => call.startsWith("listIssues"))).toEqual([
      expect.stringContaining('"dueOnOrBefore"'),
      expect.stringContaining('"updatedAfter"'),
    ]);
    expect(world.calls.some((call) => call.includes("career-dashboard") || call.includes('"closed"'))).toBe(
      false,
    );
  });
});

describe("what the dashboard costs a sweep", () => {
  it("lists 100 issues a request: with 250 open workflows, 3 pages of open issues on top of today's reads", async () => {
    const world = new DashboardWorld();
    for (let i = 0; i < 250; i += 1) world.openInterim(PROJECT, `Interim manager ${i}`);
    world.state.advance({ days: 5 });
    await world.sweep();
    const listings = () => world.state.requestCount("GET /projects/:id/issues");
    world.state.requestCounts.clear();
    await world.sweep();
    const on = listings();
    expect(world.writes()).toBe(0);
    world.configure("people_ops: [carol]\ndashboard:\n  enabled: false\n");
    world.state.requestCounts.clear();
    await world.sweep();
    const off = listings();
    // off: the due listing and the recent listing (one page each: nothing due, nothing recent).
    expect(off).toBe(2);
    // on: + 1 dashboard lookup + 3 pages of the 250 open issues + 1 page of issues closed this year.
    expect(on - off).toBe(1 + 3 + 1);
  });
});
