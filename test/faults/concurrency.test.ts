import { describe, expect, it } from "vitest";
import type { WebhookPayload } from "../../src/gitlab/fake/index.js";
import { tickInterimEligibility } from "../support/interim-items.js";
import { expectNoDuplicates, seeded } from "../support/scenario.js";
import { BOT, interimDescription, PROJECT, World } from "../support/world.js";

/*
 * Without a resource_group, GitLab CI may run two sweeps and an event job at once. The bot must
 * still post each note once and create each follow-up issue once: after posting, it looks for the
 * same key posted by a racing run and withdraws its own copy if it was the later one.
 */

/** Three issues with work waiting: a stage change with a follow-up, a warning, a command to answer. */
async function raceground(seed: number) {
  const world = await new World().start();
  const random = seeded(seed);
  // A few ms of jitter per request, so the three runs interleave differently per seed.
  world.server.latencyMs = () => Math.floor(random() * 6);
  const alice = world.state.as("alice");
  const description = interimDescription({ people_business_partner: "pat" });
  const first = alice.openIssue({ title: "Interim manager: alice", description });
  expect((await world.handle(first.payload)).code).toBe(0);
  let last: WebhookPayload | null = null;
  last = tickInterimEligibility(world.state, first.issue.iid).payload;
  const second = alice.openIssue({ title: "Interim manager: public", description });
  alice.update(PROJECT, second.issue.iid, { confidential: false });
  const third = alice.openIssue({ title: "Interim manager: asks", description });
  alice.comment(PROJECT, third.issue.iid, "/career status");
  return { world, event: last! };
}

describe("concurrent runs without a resource_group", () => {
  it.each([1, 2, 3, 4, 5, 6])(
    "two sweeps and a handle racing post every note once (seed %i)",
    async (seed) => {
      const { world, event } = await raceground(seed);
      const runs = await Promise.all([world.sweep(), world.sweep(), world.handle(event)]);
      for (const run of runs) expect(run.code, run.stdout + run.stderr).toBe(0);
      expectNoDuplicates(world.state);
      const followUps = world.state.issues.filter(
        (i) => i.title.startsWith("People team:") && i.state === "opened",
      );
      expect(followUps).toHaveLength(1);
      const withKey = (iid: number, key: RegExp) => world.botNotes(iid).filter((n) => key.test(n.body));
      expect(withKey(1, /key=followup:people-team /)).toHaveLength(1);
      expect(withKey(1, /key=enter:setup#1:/)).toHaveLength(1);
      expect(withKey(2, /key=confidential-warning /)).toHaveLength(1);
      expect(withKey(3, /key=reply:\d+\.0:accepted /)).toHaveLength(1);
      expect(world.issue(1).labels).toContain("career-stage::setup");

      // The settled state is what one more run finds: nothing left to do.
      const writes = world.writes();
      expect((await world.sweep()).code).toBe(0);
      expect(world.writes()).toBe(writes);
      expect(world.state.quickActionsExecuted.filter((q) => q.author === BOT)).toEqual([]);
      await world.stop();
    },
  );
});
