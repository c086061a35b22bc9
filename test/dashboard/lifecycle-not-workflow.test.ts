import { describe, expect, it } from "vitest";
import { DASHBOARD_LABEL } from "../../src/dashboard/input.js";
import { workflowFor } from "../../src/workflows/index.js";
import { DashboardWorld } from "../support/dashboard-world.js";
import { PROJECT } from "../support/world.js";

describe("the dashboard issue is never a workflow", () => {
  it("has no workflow even with a career:: label on it", () => {
    expect(workflowFor(["career::interim-manager"])?.id).toBe("interim-manager");
    expect(workflowFor([DASHBOARD_LABEL, "career::interim-manager"])).toBeUndefined();
  });

  it("is neither reconciled by handle nor by sweep when a person adds a career:: label", async () => {
    const world = new DashboardWorld();
    await world.sweep();
    const { iid } = world.dashboard();
    const { payload } = world.state.as("carol").addLabels(PROJECT, iid, ["career::interim-manager"]);
    const before = world.dashboard().description;
    world.state.requestCounts.clear();
    const handled = await world.handle(payload);
    expect(handled.ignored).toContain("is the dashboard");
    expect(world.writes()).toBe(0);
    await world.sweep();
    const dashboard = world.dashboard();
    expect(dashboard.labels.filter((l) => l.startsWith("career-stage::"))).toEqual([]);
    expect(dashboard.description).not.toContain("career-bot:section");
    expect(dashboard.description).toBe(before);
    expect(world.state.notesOf(dashboard.id).filter((n) => n.body.includes("career-bot:note"))).toEqual([]);
  });
});
