import { describe, expect, it } from "vitest";
import { RECHECK_ITEM } from "../../src/dashboard/input.js";
import { recheckTicked } from "../../src/dashboard/lifecycle-text.js";
import { noteHookPayload } from "../../src/gitlab/fake/payloads.js";
import { DashboardWorld } from "../support/dashboard-world.js";
import { BOT, PROJECT } from "../support/world.js";

/**
 * Three workflow issues whose events were lost: filed days ago, no due date, so no sweep looks at
 * them (not due, not updated lately). Only a re-check reaches them.
 */
async function forgottenWorkflows(): Promise<{ world: DashboardWorld; iids: number[] }> {
  const world = new DashboardWorld();
  const iids = ["alice", "dave", "eve"].map(
    (name) => world.openInterim(PROJECT, `Interim manager: ${name}`).issue.iid,
  );
  world.state.advance({ days: 5 });
  await world.sweep();
  for (const iid of iids) expect(stageOf(world, iid)).toEqual([]);
  return { world, iids };
}

function stageOf(world: DashboardWorld, iid: number): string[] {
  const issue = world.state.findIssue(world.state.requireProject(PROJECT).id, iid)!;
  return issue.labels.filter((label) => label.startsWith("career-stage::"));
}

describe("the dashboard's re-check box", () => {
  it("reads a tick in any case of x, and only on the re-check item", () => {
    expect(recheckTicked(`intro\n- [x] ${RECHECK_ITEM}\n`)).toBe(true);
    expect(recheckTicked(`* [X] ${RECHECK_ITEM}`)).toBe(true);
    expect(recheckTicked(`- [ ] ${RECHECK_ITEM}`)).toBe(false);
    expect(recheckTicked(`- [x] Something else\n- [ ] ${RECHECK_ITEM}`)).toBe(false);
  });

  it("ticked, makes the next sweep reconcile every open workflow and untick the box", async () => {
    const { world, iids } = await forgottenWorkflows();
    const { iid } = world.dashboard();
    world.state.as("carol").tick(PROJECT, iid, RECHECK_ITEM);
    expect(recheckTicked(world.dashboard().description)).toBe(true);
    const summary = await world.sweep();
    for (const issue of iids) expect(stageOf(world, issue)).not.toEqual([]);
    expect(summary.issuesSeen).toBe(3);
    expect(recheckTicked(world.dashboard().description)).toBe(false);
    expect(world.dashboard().description).toContain(`- [ ] ${RECHECK_ITEM}`);
    // Unticked, the next sweep is an ordinary one again.
    world.state.advance({ days: 3 });
    expect((await world.sweep()).issuesSeen).toBe(0);
  });

  it("ticked, makes its own event reconcile every open workflow and untick the box", async () => {
    const { world, iids } = await forgottenWorkflows();
    const { iid } = world.dashboard();
    const { payload } = world.state.as("carol").tick(PROJECT, iid, RECHECK_ITEM);
    const summary = await world.handle(payload);
    expect(summary.failures).toEqual([]);
    for (const issue of iids) expect(stageOf(world, issue)).not.toEqual([]);
    expect(recheckTicked(world.dashboard().description)).toBe(false);
    expect(summary.issues.map((i) => i.ref)).toContain("dashboard");
    // The next person's event on the dashboard finds the box unticked: one lookup, no write.
    world.state.requestCounts.clear();
    const other = world.state.as("alice").comment(PROJECT, iid, "thanks");
    const after = await world.handle(other.payload);
    expect(after.issuesSeen).toBe(0);
    expect(world.writes()).toBe(0);
  });

  it("ticked in an edit whose webhook was lost, waits for the next sweep: a workflow's event does not look", async () => {
    const { world, iids } = await forgottenWorkflows();
    const dashboard = world.dashboard();
    world.state.as("carol").tick(PROJECT, dashboard.iid, RECHECK_ITEM);
    const { payload } = world.state.as("alice").comment(PROJECT, iids[0]!, "any news?");
    const summary = await world.handle(payload);
    expect(summary.issues.map((i) => i.ref)).toEqual([
      `${world.state.requireProject(PROJECT).id}#${iids[0]}`,
    ]);
    expect(recheckTicked(world.dashboard().description)).toBe(true);
    await world.sweep();
    for (const issue of iids) expect(stageOf(world, issue)).not.toEqual([]);
    expect(recheckTicked(world.dashboard().description)).toBe(false);
  });

  it("is not started by a system note on the dashboard (GitLab's note of the tick is not a second request)", async () => {
    const { world, iids } = await forgottenWorkflows();
    const { iid } = world.dashboard();
    world.state.as("carol").tick(PROJECT, iid, RECHECK_ITEM);
    const issue = world.state.findIssue(world.state.requireProject(PROJECT).id, iid)!;
    const systemNote = world.state.notesOf(issue.id).findLast((note) => note.system);
    // GitLab escapes the item's Markdown in its note (the "-" of "Re-check").
    expect(systemNote?.body).toMatch(/^marked the checklist item \*\*Re\\-check every workflow now\*\*/);
    const summary = await world.handle(noteHookPayload(world.state, systemNote!, issue));
    expect(summary.ignored).toBe("system note");
    for (const other of iids) expect(stageOf(world, other)).toEqual([]);
    expect(recheckTicked(world.dashboard().description)).toBe(true);
  });

  it("costs a workflow's event no request, and the bot's own events nothing", async () => {
    const { world, iids } = await forgottenWorkflows();
    const comment = async (text: string) => {
      world.state.requestCounts.clear();
      await world.handle(world.state.as("alice").comment(PROJECT, iids[0]!, text).payload);
      return world.gets();
    };
    await comment("settle the issue first");
    await comment("and once more");
    const withDashboard = await comment("hello");
    world.configure("people_ops: [carol]\ndashboard:\n  enabled: false\n");
    const without = await comment("hello again");
    expect(withDashboard).toBe(without);
    world.configure("people_ops: [carol]\ndashboard:\n  enabled: true\n");
    world.state.requestCounts.clear();
    const own = await world.handle(
      world.state.as(BOT).comment(PROJECT, iids[0]!, "the bot's own note").payload,
    );
    expect(own.ignored).toBe("event caused by the bot itself");
    // Only `GET /user`, which every run makes to know who the bot is.
    expect(world.gets()).toBe(1);
  });
});
