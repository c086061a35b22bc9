import { describe, expect, it } from "vitest";
import { ensureDashboard } from "../../src/dashboard/ensure.js";
import { RECHECK_ITEM } from "../../src/dashboard/input.js";
import { findDashboards } from "../../src/dashboard/keep.js";
import { recheckTicked } from "../../src/dashboard/lifecycle-text.js";
import { PUBLIC_DASHBOARD_TEXT } from "../../src/dashboard/public-text.js";
import { DashboardWorld } from "../support/dashboard-world.js";
import { BOT, PROJECT } from "../support/world.js";

/*
 * The dashboard's writes around races and people: what a run read is never trusted to be what it
 * writes over, and nothing a person writes stands in for the bot's own warning.
 */

function warnings(world: DashboardWorld, botOnly = true) {
  const bot = world.state.requireUser(BOT).id;
  return world.state
    .notesOf(world.dashboard().id)
    .filter((n) => n.body.includes("career-bot:note key=confidential-warning"))
    .filter((n) => !botOnly || n.authorId === bot);
}

describe("the dashboard around races and people", () => {
  it("warns about a non-confidential dashboard even when its content did not change", async () => {
    const world = new DashboardWorld();
    world.openInterim();
    await world.sweep();
    // Two days on, the content has settled: the next sweep would write nothing to it.
    world.state.advance({ days: 1 });
    await world.sweep();
    world.state.advance({ days: 1 });
    world.state.as("carol").update(PROJECT, world.dashboard().iid, { confidential: false });
    world.state.requestCounts.clear();
    await world.sweep();
    // The content goes at once (issue 17: a dashboard made public shows nothing private), and the
    // warning is said once; the next sweep has nothing to write.
    expect(warnings(world)).toHaveLength(1);
    expect(world.writes()).toBe(2);
    expect(world.dashboard().description).toBe(PUBLIC_DASHBOARD_TEXT);
    world.state.requestCounts.clear();
    await world.sweep();
    expect(warnings(world)).toHaveLength(1);
    expect(world.writes()).toBe(0);
  });

  it("warns, and writes no content but the public text, when the dashboard was made non-confidential between read and write", async () => {
    const world = new DashboardWorld();
    await world.sweep();
    const ctx = await world.context();
    const [seen] = await findDashboards(ctx, PROJECT);
    world.state.as("carol").update(PROJECT, seen!.iid, { confidential: false });
    const description = world.dashboard().description;
    const outcome = await ensureDashboard(
      ctx,
      PROJECT,
      { kind: "update", iid: seen!.iid, description: "newer content" },
      seen,
    );
    expect(outcome.writes.map((w) => w.what)).toEqual([
      "update dashboard description (not confidential: content removed)",
      "note confidential-warning",
    ]);
    expect(world.dashboard().description).not.toBe(description);
    expect(world.dashboard().description).toBe(PUBLIC_DASHBOARD_TEXT);
    expect(warnings(world)).toHaveLength(1);
  });

  it("does not write again what a racing run already wrote", async () => {
    const world = new DashboardWorld();
    await world.sweep();
    const ctx = await world.context();
    const [seen] = await findDashboards(ctx, PROJECT);
    // Another run wrote the same new content after this run read the dashboard.
    world.state.as(BOT).update(PROJECT, seen!.iid, { description: "newer content\n" });
    world.state.requestCounts.clear();
    const outcome = await ensureDashboard(
      ctx,
      PROJECT,
      { kind: "update", iid: seen!.iid, description: "newer content" },
      seen,
    );
    expect(outcome.writes).toEqual([]);
    expect(world.writes()).toBe(0);
  });

  it("writes nothing on a quiet day when GitLab kept trailing blank lines or CRLF line ends", async () => {
    const world = new DashboardWorld();
    world.openInterim();
    await world.sweep();
    const dashboard = world.dashboard();
    dashboard.description = `${dashboard.description.replace(/\n/g, "\r\n")}\r\n\r\n\n`;
    world.state.advance({ days: 1 });
    await world.sweep();
    world.state.advance({ days: 1 });
    world.state.requestCounts.clear();
    await world.sweep();
    expect(world.writes()).toBe(0);
  });

  it("does not act on the re-check box of a non-confidential dashboard", async () => {
    const world = new DashboardWorld();
    world.openInterim();
    await world.sweep();
    const { iid } = world.dashboard();
    world.state.as("carol").tick(PROJECT, iid, RECHECK_ITEM);
    world.state.as("carol").update(PROJECT, iid, { confidential: false });
    world.state.advance({ days: 5 });
    const summary = await world.sweep();
    // No re-check (no workflow reconciled); the content, box included, gives way to the public text.
    expect(summary.issuesSeen).toBe(0);
    expect(recheckTicked(world.dashboard().description)).toBe(false);
    expect(world.dashboard().description).toBe(PUBLIC_DASHBOARD_TEXT);
  });

  it("posts its own warning even when a person's note carries the warning's key", async () => {
    const world = new DashboardWorld();
    await world.sweep();
    const { iid } = world.dashboard();
    world.state
      .as("carol")
      .comment(PROJECT, iid, "Copied: <!-- career-bot:note key=confidential-warning -->");
    world.state.as("carol").update(PROJECT, iid, { confidential: false });
    await world.sweep();
    expect(warnings(world, false)).toHaveLength(2);
    expect(warnings(world)).toHaveLength(1);
  });
});
