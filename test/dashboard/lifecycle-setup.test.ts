import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DASHBOARD_LABEL } from "../../src/dashboard/input.js";
import { labelCatalogue } from "../../src/setup/labels.js";
import { workflows } from "../../src/workflows/index.js";
import { CliHarness } from "../support/cli-harness.js";

describe("setup and the dashboard", () => {
  let gitlab: CliHarness;
  beforeEach(async () => {
    gitlab = await new CliHarness().start();
  });
  afterEach(() => gitlab.stop());

  it("lists the dashboard label in the catalogue, described, and it is no workflow label", () => {
    const label = labelCatalogue(workflows).find((l) => l.name === DASHBOARD_LABEL);
    expect(label?.description).toMatch(/dashboard/i);
    expect(DASHBOARD_LABEL.startsWith("career::")).toBe(false);
  });

  it("creates the dashboard label along with the others", async () => {
    const run = await gitlab.cli(["setup"]);
    expect(run.code, run.stderr).toBe(0);
    const id = gitlab.state.requireProject("org/careers").id;
    expect(gitlab.state.findLabel(id, DASHBOARD_LABEL)).toMatchObject({
      name: DASHBOARD_LABEL,
      color: "#5c5c5c",
    });
  });
});
