import { describe, expect, it } from "vitest";
import type { FaultHook } from "../../src/gitlab/fake/index.js";
import { workflows } from "../../src/workflows/index.js";
import {
  autoWalk,
  type BotRunner,
  expectNoDuplicates,
  interimScript,
  normalise,
  Persistent,
  randomFaults,
} from "../support/scenario.js";
import { BOT, cliRunner, interimDescription, PROJECT, World } from "../support/world.js";

/*
 * SPEC section 7, "Resilient" and "Idempotent": GitLab answers a seeded share of the bot's requests
 * with 429 (with and without Retry-After), 500, 502, 503, a timeout, a dropped connection, or a 502 or
 * reset after saving the write. Runs that still fail exit 1 naming the issue, and the next run (as the
 * next pipeline would) finishes the work: the end state equals the fault-free walk's, nothing twice.
 */

/** Millisecond retries and a short per-try timeout, so the real retry loop runs fast. */
const FAST = { CAREER_BOT_RETRY_BASE_MS: "1", CAREER_BOT_REQUEST_TIMEOUT_MS: "250" };

async function walk(script: (bot: BotRunner) => Promise<number>, fault?: FaultHook) {
  const world = await new World().start();
  world.extraEnv = FAST;
  world.server.fault = fault;
  try {
    const bot = new Persistent(cliRunner(world));
    const iid = await script(bot);
    return { world, bot, iid, end: normalise(world.state) };
  } finally {
    await world.stop();
  }
}

/** Every failed run named its issue; and there were failed runs, so this checked something. */
function expectEveryFailureNamesItsIssue(bot: { failures: string[]; failedRuns: number }): void {
  expect(bot.failedRuns).toBeGreaterThan(0);
  expect(bot.failures).toHaveLength(bot.failedRuns);
  for (const output of bot.failures) expect(output).toMatch(/FAILED \d+#\d+: /);
}

/**
 * The first note the bot posts is saved but answered 502, on top of the random faults: a create
 * that may have been saved is not retried, so at least one run fails whatever the seed, and the
 * checks of failed runs always bite.
 */
function withOneUnsafeFailure(faults: FaultHook): FaultHook {
  let struck = false;
  return (request, seq) => {
    if (!struck && request.method === "POST" && request.route.endsWith("/notes")) {
      struck = true;
      return { status: 502, afterWrite: true };
    }
    return faults(request, seq);
  };
}

/**
 * Reads and PUTs are retried, so only a create that may have been saved (a POST answered 5xx, timed
 * out or cut off) may fail a run: without retries, read faults would fail runs too.
 */
function expectOnlyUnsafeCreatesFailed(world: World, failedRuns: number): void {
  const unsafe = world.server.faults.filter(
    (f) => f.method === "POST" && !(typeof f.fault === "object" && f.fault.status === 429),
  );
  expect(failedRuns).toBeLessThanOrEqual(unsafe.length);
}

describe("faults: every walk ends as without faults", () => {
  it.each([11, 29])("a whole interim appointment, seed %i", async (seed) => {
    const clean = await walk(interimScript);
    expect(clean.bot.failedRuns).toBe(0);
    expect(clean.world.issue(clean.iid).labels).toContain("career-outcome::promoted");

    const faulty = await walk(interimScript, withOneUnsafeFailure(randomFaults(seed, 0.2)));
    expect(faulty.world.server.faults.length).toBeGreaterThan(10);
    expectEveryFailureNamesItsIssue(faulty.bot);
    expectOnlyUnsafeCreatesFailed(faulty.world, faulty.bot.failedRuns);
    expect(faulty.end).toEqual(clean.end);
    expectNoDuplicates(faulty.world.state);
    expect(faulty.world.state.quickActionsExecuted.filter((q) => q.author === BOT)).toEqual([]);
  });

  const others = workflows.filter((w) => w.id !== "interim-manager");
  it.each(others.map((w) => [w.id, w] as const))(
    "%s, from its issue template to the end",
    async (_, definition) => {
      const script = (bot: BotRunner) => autoWalk(bot, definition);
      const clean = await walk(script);
      const stage = clean.world.issue(clean.iid).labels.find((l) => l.startsWith("career-stage::"));
      expect(definition.stages.find((s) => `career-stage::${s.id}` === stage)?.final).toBe(true);

      const faulty = await walk(script, withOneUnsafeFailure(randomFaults(7, 0.2)));
      expect(faulty.world.server.faults.length).toBeGreaterThan(3);
      expectEveryFailureNamesItsIssue(faulty.bot);
      expectOnlyUnsafeCreatesFailed(faulty.world, faulty.bot.failedRuns);
      expect(faulty.end).toEqual(clean.end);
      expectNoDuplicates(faulty.world.state);
    },
  );
});

describe("faults past the retry bound", () => {
  async function twoOpenedIssues() {
    const world = await new World().start();
    world.extraEnv = FAST;
    const alice = world.state.as("alice");
    for (const name of ["alice", "dave"]) {
      alice.openIssue({
        title: `Interim manager: ${name}`,
        description: interimDescription({ team_member: name, people_business_partner: "pat" }),
      });
    }
    return world;
  }

  it("exits 1 naming each failed issue, does the rest, and the next run completes the work", async () => {
    const world = await twoOpenedIssues();
    const project = world.state.requireProject(PROJECT).id;
    // Issue #1's notes never load; issue #2's comments are refused with a 503 for good.
    world.server.fault = (request) => {
      if (request.method === "GET" && request.path.endsWith("/issues/1/notes")) return { status: 503 };
      if (request.method === "POST" && request.path.endsWith("/issues/2/notes")) return { status: 503 };
      return null;
    };
    // Issue #2 is not confidential here, so the bot has a warning to post on it.
    world.state.issues[1]!.confidential = false;
    const cleanSecond = await twoOpenedIssuesWithPublicSecond();
    const failed = await world.cli(["sweep", "--json"]);
    expect(failed.code).toBe(1);
    const summary = JSON.parse(failed.stdout) as { failures: Array<{ ref: string; error: string }> };
    expect(summary.failures.map((f) => f.ref).sort()).toEqual([`${project}#1`, `${project}#2`]);
    for (const failure of summary.failures)
      expect(failure.error).toMatch(/GitLab (GET|POST) .* answered 503/);
    // Retried up to the bound (5 tries) for the read; a POST that may have been saved is not repeated.
    expect(world.state.requestCount("GET /projects/:id/issues/:iid/notes")).toBeGreaterThanOrEqual(5);
    // After #1 failed, the run went on to #2 (and tried its note once: it may have been saved).
    expect(world.state.requestCount("POST /projects/:id/issues/:iid/notes")).toBe(1);

    world.server.fault = undefined;
    expect((await world.sweep()).code).toBe(0);
    expect(normalise(world.state)).toEqual(normalise(cleanSecond.state));
    expectNoDuplicates(world.state);
    await world.stop();
    await cleanSecond.stop();

    async function twoOpenedIssuesWithPublicSecond() {
      const other = await twoOpenedIssues();
      other.state.issues[1]!.confidential = false;
      expect((await other.sweep()).code).toBe(0);
      return other;
    }
  });
});
