import { describe, expect, it } from "vitest";
import { ensureDashboard } from "../../src/dashboard/ensure.js";
import { DASHBOARD_LABEL, RECHECK_ITEM } from "../../src/dashboard/input.js";
import { findDashboards } from "../../src/dashboard/keep.js";
import { PUBLIC_DASHBOARD_TEXT } from "../../src/dashboard/public-text.js";
import { DASHBOARD_ON, DashboardWorld } from "../support/dashboard-world.js";
import { BOT, PROJECT } from "../support/world.js";

function dashboardWrites(summary: { issues: Array<{ ref: string; writes: Array<{ what: string }> }> }) {
  return summary.issues.filter((i) => i.ref === "dashboard").flatMap((i) => i.writes.map((w) => w.what));
}

describe("the dashboard issue's lifecycle", () => {
  it("is created once: confidential, labelled, titled from the config, with the re-check box unticked", async () => {
    const world = new DashboardWorld();
    world.openInterim();
    const first = await world.sweep();
    expect(dashboardWrites(first)).toEqual(["create dashboard issue"]);
    const dashboard = world.dashboard();
    expect(dashboard).toMatchObject({
      confidential: true,
      labels: [DASHBOARD_LABEL],
      title: "Career workflows dashboard",
    });
    expect(dashboard.authorId).toBe(world.state.requireUser(BOT).id);
    expect(dashboard.description).toContain(`- [ ] ${RECHECK_ITEM}`);
    await world.sweep();
    await world.sweep();
    expect(world.dashboards()).toHaveLength(1);
  });

  it("writes nothing on a quiet day: the next day's sweep with nothing changed makes no request but GETs", async () => {
    const world = new DashboardWorld();
    world.openInterim();
    await world.sweep();
    world.state.advance({ days: 1 });
    await world.sweep();
    const description = world.dashboard().description;
    // The next day: nothing due, nothing changed; no date in the content moves with the clock.
    world.state.advance({ days: 1 });
    world.state.requestCounts.clear();
    const quiet = await world.sweep();
    expect(world.writes()).toBe(0);
    expect(dashboardWrites(quiet)).toEqual([]);
    expect(world.dashboard().description).toBe(description);
  });

  it("updates the description when the content changed, and only then", async () => {
    const world = new DashboardWorld();
    await world.sweep();
    const before = world.dashboard();
    const description = before.description;
    world.openInterim(PROJECT, "Interim manager: dave");
    const summary = await world.sweep();
    expect(dashboardWrites(summary)).toEqual(["update dashboard description"]);
    expect(world.dashboard().iid).toBe(before.iid);
    expect(world.dashboard().description).not.toBe(description);
  });

  it("changes the title when the config's title changes", async () => {
    const world = new DashboardWorld();
    await world.sweep();
    world.configure(`${DASHBOARD_ON}  title: Careers at a glance\n`);
    const summary = await world.sweep();
    expect(dashboardWrites(summary)).toEqual(["update dashboard title"]);
    expect(world.dashboard().title).toBe("Careers at a glance");
  });

  it("recreates a dashboard a person closed, and leaves the closed one closed", async () => {
    const world = new DashboardWorld();
    await world.sweep();
    const closed = world.dashboard();
    world.state.as("carol").close(PROJECT, closed.iid);
    const summary = await world.sweep();
    expect(dashboardWrites(summary)).toEqual([`create dashboard issue (#${closed.iid} was closed)`]);
    const fresh = world.dashboard();
    expect(fresh.iid).not.toBe(closed.iid);
    expect(world.state.findIssue(closed.projectId, closed.iid)?.state).toBe("closed");
  });

  it("recreates a deleted dashboard", async () => {
    const world = new DashboardWorld();
    await world.sweep();
    const gone = world.dashboard();
    world.state.deleteIssue(gone.projectId, gone.iid);
    expect(world.dashboards()).toHaveLength(0);
    const summary = await world.sweep();
    expect(dashboardWrites(summary)).toEqual(["create dashboard issue"]);
    expect(world.dashboard().iid).not.toBe(gone.iid);
  });

  it("removes the content of a dashboard a person made non-confidential and warns once, until it is confidential again", async () => {
    const world = new DashboardWorld();
    world.openInterim(PROJECT, "Interim manager: dave");
    await world.sweep();
    const { iid } = world.dashboard();
    const full = world.dashboard().description;
    expect(full).toContain("alice");
    world.state.as("carol").update(PROJECT, iid, { confidential: false });
    await world.sweep();
    // At once, and naming nobody: no username, no link to a workflow issue.
    expect(world.dashboard().description).toBe(PUBLIC_DASHBOARD_TEXT);
    expect(PUBLIC_DASHBOARD_TEXT).not.toMatch(/alice|bob|carol|dave|#\d|https?:|^\//m);
    expect(PUBLIC_DASHBOARD_TEXT).toMatch(/confidential again/);
    expect(world.lines.join("\n")).toContain(`dashboard #${iid} is not confidential`);
    const warnings = () =>
      world.state
        .notesOf(world.dashboard().id)
        .filter((n) => n.body.includes("career-bot:note key=confidential-warning"));
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]!.body).toContain("not confidential");
    world.state.requestCounts.clear();
    await world.sweep();
    expect(world.writes()).toBe(0);
    expect(warnings()).toHaveLength(1);
    world.state.as("carol").update(PROJECT, iid, { confidential: true });
    await world.sweep();
    expect(world.dashboard().description).toBe(full);
    expect(world.dashboards()).toHaveLength(1);
  });

  it("leaves alone a person's issue that carries the dashboard label", async () => {
    const world = new DashboardWorld();
    const { issue } = world.state.as("alice").openIssue({
      project: PROJECT,
      title: "My notes",
      description: "mine",
      labels: [DASHBOARD_LABEL],
      confidential: true,
    });
    await world.sweep();
    await world.sweep();
    expect(world.state.findIssue(issue.projectId, issue.iid)?.description).toBe("mine");
    expect(world.dashboards().filter((d) => d.authorId === world.state.requireUser(BOT).id)).toHaveLength(1);
  });

  it("writes nothing in a dry run, and says what it would write", async () => {
    const world = new DashboardWorld();
    world.state.requestCounts.clear();
    const summary = await world.sweep({ dryRun: true });
    expect(dashboardWrites(summary)).toEqual(["create dashboard issue"]);
    expect(world.writes()).toBe(0);
    expect(world.dashboards()).toHaveLength(0);
  });

  it("does not overwrite a re-check tick made after the run read the dashboard", async () => {
    const world = new DashboardWorld();
    await world.sweep();
    const ctx = await world.context();
    const [seen] = await findDashboards(ctx, PROJECT);
    world.state.as("carol").tick(PROJECT, seen!.iid, RECHECK_ITEM);
    world.state.requestCounts.clear();
    const outcome = await ensureDashboard(
      ctx,
      PROJECT,
      { kind: "update", iid: seen!.iid, description: "newer content" },
      seen,
    );
    expect(outcome.writes).toEqual([]);
    expect(outcome.line).toContain("re-check ticked meanwhile");
    expect(world.writes()).toBe(0);
    expect(world.dashboard().description).toContain(`- [x] ${RECHECK_ITEM}`);
  });
});
