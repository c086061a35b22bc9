import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DASHBOARD_LABEL, RECHECK_ITEM } from "../../src/dashboard/input.js";
import { DASHBOARD_ON } from "../support/dashboard-world.js";
import { interimDescription, PROJECT, World } from "../support/world.js";

/** The real CLI and the real gitbeaker client against the fake GitLab on 127.0.0.1. */
describe("the dashboard through the real GitLab client", () => {
  let world: World;
  beforeEach(async () => {
    world = await new World({ config: DASHBOARD_ON }).start();
  });
  afterEach(() => world.stop());

  const dashboards = () => world.state.issues.filter((issue) => issue.labels.includes(DASHBOARD_LABEL));

  it("creates the dashboard, updates it when the content changes, and then writes nothing", async () => {
    world.state.as("alice").openIssue({
      project: PROJECT,
      title: "Interim manager: alice",
      description: interimDescription({}),
    });
    const first = await world.sweep();
    expect(first.code, first.stderr).toBe(0);
    expect(dashboards()).toHaveLength(1);
    const [dashboard] = dashboards();
    expect(dashboard).toMatchObject({ confidential: true, title: "Career workflows dashboard" });
    expect(dashboard!.description).toContain(`- [ ] ${RECHECK_ITEM}`);

    world.state.as("alice").openIssue({
      project: PROJECT,
      title: "Interim manager: dave",
      description: interimDescription({ team_member: "dave" }),
    });
    const before = dashboard!.description;
    const puts = () => world.state.requestCount("PUT /projects/:id/issues/:iid");
    const second = await world.sweep();
    expect(second.code, second.stderr).toBe(0);
    expect(dashboards()).toHaveLength(1);
    expect(dashboards()[0]!.description).not.toBe(before);
    expect(second.stdout).toContain("update dashboard description");

    const putsBefore = puts();
    expect(await world.writesDuring(() => world.sweep())).toBe(0);
    expect(puts()).toBe(putsBefore);
  });
});
