import { describe, expect, it } from "vitest";
import { FakeGitLabState } from "../../src/gitlab/fake/index.js";
import { Crash, MemoryBot } from "../support/memory-bot.js";
import { expectNoDuplicates, interimScript, normalise, Persistent } from "../support/scenario.js";
import { BOT, PROJECT } from "../support/world.js";

/*
 * SPEC section 7: "A run that dies halfway is completed by the next one." A whole interim appointment
 * is run once without trouble, counting its writes; then, for every k, again with the run that makes
 * the k-th write killed right after it (nothing more of that run reaches GitLab). The next run picks
 * up, and the end state must equal the uninterrupted one: nothing duplicated, nothing lost.
 */

function world(): FakeGitLabState {
  const state = new FakeGitLabState({
    now: "2026-01-05T09:00:00Z",
    users: [BOT, "alice", "bob", "carol", "dave", "eve", "pat"],
    projects: [PROJECT],
  });
  state.addLabel(PROJECT, "career::interim-manager");
  return state;
}

async function appointment(crashAt?: number) {
  const state = world();
  const crash = new Crash();
  crash.crashAt = crashAt;
  const bot = new Persistent(new MemoryBot(state, { wrap: crash.wrap }));
  await interimScript(bot);
  return { state, crash, bot };
}

describe("crash at every write of a whole interim appointment", () => {
  it("ends in the uninterrupted run's state whichever write the run died after", async () => {
    const clean = await appointment();
    const total = clean.crash.writes;
    expect(clean.bot.failedRuns).toBe(0);
    expect(total).toBeGreaterThan(15);
    const expected = normalise(clean.state);
    expect(expected.issues[0]!.labels).toContain("career-outcome::promoted");

    for (let k = 1; k <= total; k += 1) {
      const crashed = await appointment(k);
      expect(crashed.bot.failedRuns, `crash after write ${k}`).toBe(1);
      expect(normalise(crashed.state), `crash after write ${k} of ${total}`).toEqual(expected);
      expectNoDuplicates(crashed.state);
    }
  });
});
