import { afterEach, describe, expect, it } from "vitest";
import { INTERIM_SETUP as setup, tickInterimEligibility } from "../support/interim-items.js";
import { interimDescription, PROJECT, World } from "../support/world.js";

/*
 * Dates in the handbook are the company's days (`timezone` in career-bot.yml), not UTC's. The 30-day
 * hire review after a hire on 2026-01-19 opens on 2026-02-18 in the configured zone: in Auckland
 * (UTC+13 in February) that day starts at 2026-02-17T11:00Z, in Los Angeles (UTC-8) at 2026-02-18T08:00Z.
 */

let world: World | undefined;
afterEach(() => world?.stop());

const REVIEW_OPEN = "30-day hire review is open";

describe.each([
  // zone, the last moment of the local 2026-02-17, the first of the local 2026-02-18 (both UTC)
  ["Pacific/Auckland", "2026-02-17T10:30:00Z", "2026-02-17T11:30:00Z"],
  ["America/Los_Angeles", "2026-02-18T07:30:00Z", "2026-02-18T08:30:00Z"],
])("interim manager walk with timezone: %s", (zone, lastLocalEve, firstLocalMorning) => {
  it("opens the hire review on the local day, not the UTC day", async () => {
    world = await new World({ config: `people_ops: [carol]\ntimezone: ${zone}\n` }).start();
    const alice = world.state.as("alice");
    const bob = world.state.as("bob");
    const opened = alice.openIssue({
      title: "Interim manager: alice",
      description: interimDescription({ people_business_partner: "pat" }),
    });
    const iid = opened.issue.iid;
    expect((await world.handle(opened.payload)).code).toBe(0);
    world.state.advance({ days: 1 });
    let last = null;
    last = tickInterimEligibility(world.state, iid);
    await world.handle(last!.payload);
    world.state.advance({ days: 1 });
    for (const item of setup) last = bob.tick(PROJECT, iid, item);
    await world.handle(last!.payload);
    world.state.advance({ days: 3 });
    await world.handle(alice.comment(PROJECT, iid, "/career hire @dave 2026-01-19").payload);
    expect(world.issue(iid).labels).toContain("career-stage::hire-review");
    expect(world.issue(iid).dueDate).toBe("2026-02-18");

    const reviewNotes = () => world!.botNotes(iid).filter((n) => n.body.includes(REVIEW_OPEN));
    // A comment makes the bot look at the issue whatever the sweep's due-date filter would pick.
    const look = async () => {
      const run = await world!.handle(alice.comment(PROJECT, iid, "Any news on the review?").payload);
      expect(run.code, run.stderr).toBe(0);
    };
    world.state.now = lastLocalEve;
    await look();
    expect(reviewNotes()).toHaveLength(0);
    world.state.now = firstLocalMorning;
    await look();
    expect(reviewNotes()).toHaveLength(1);
    expect(reviewNotes()[0]!.body).toContain("@bob");
  });
});
