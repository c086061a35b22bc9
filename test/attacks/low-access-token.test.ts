import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOT, interimDescription, PROJECT, World } from "../support/world.js";

/*
 * Issue 17 item 6: what the bot says when its token is below the Reporter role the README asks for.
 * The fake answers as GitLab does (src/gitlab/fake/access.ts), so these runs fail as they would on
 * GitLab, and each failure names the access the bot needs.
 */
let world: World;
beforeEach(async () => {
  world = await new World().start();
});
afterEach(() => world.stop());

function openConfidential() {
  return world.state.as("alice").openIssue({
    title: "Interim manager: alice",
    description: interimDescription({}),
    confidential: true,
  });
}

describe("a bot token below Reporter", () => {
  it("as a Guest, cannot see a confidential workflow issue, and says it needs Reporter", async () => {
    const opened = openConfidential();
    world.state.setRole(PROJECT, BOT, "guest");
    const run = await world.handle(opened.payload);
    expect(run.code).not.toBe(0);
    expect(run.stderr + run.stdout).toMatch(/404.*member of the project with the Reporter role or higher/s);
    expect(world.writes()).toBe(0);
  });

  it("as a Guest, may not label an issue it can read, and says it needs Reporter", async () => {
    const opened = openConfidential();
    // Made readable by everyone in the project (the template's /confidential undone).
    world.state.as("alice").update(PROJECT, opened.issue.iid, { confidential: false });
    world.state.setRole(PROJECT, BOT, "guest");
    const run = await world.handle(opened.payload);
    expect(run.code).not.toBe(0);
    expect(run.stderr + run.stdout).toMatch(/403.*the bot needs Reporter/s);
    expect(
      world.issue(opened.issue.iid).labels.filter((label) => label.startsWith("career-stage::")),
    ).toEqual([]);
  });

  it("as no member, stops the sweep at once (exit 2), naming the project and the role to give", async () => {
    openConfidential();
    world.state.setRole(PROJECT, BOT, "none");
    const run = await world.sweep();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`project "${PROJECT}"`);
    expect(run.stderr).toContain("member of it with the Reporter role or higher");
  });
});
