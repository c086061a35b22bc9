import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, Requeue } from "../../src/serve/requeue.js";
import { ManualTimers } from "../support/manual-timers.js";

function setup(policy = DEFAULT_RETRY_POLICY) {
  const timers = new ManualTimers();
  const lines: string[] = [];
  const reruns: Array<[string, number]> = [];
  const requeue = new Requeue({ policy, timers, log: (line) => lines.push(line) });
  const fail = (issue: string, attempt: number) =>
    requeue.failed(issue, attempt, "GitLab was busy", (next) => reruns.push([issue, next]));
  return { timers, lines, reruns, requeue, fail };
}

describe("serve's retry of an issue GitLab failed", () => {
  it("tries again after about 5 s, 30 s and 2 min, then gives up and says so", () => {
    const { timers, lines, reruns, requeue, fail } = setup();
    fail("1#7", 0);
    timers.advance(4_999);
    expect(reruns).toEqual([]);
    timers.advance(1);
    expect(reruns).toEqual([["1#7", 1]]);
    fail("1#7", 1);
    timers.advance(30_000);
    fail("1#7", 2);
    timers.advance(120_000);
    expect(reruns).toEqual([
      ["1#7", 1],
      ["1#7", 2],
      ["1#7", 3],
    ]);
    expect(timers.asked).toEqual([5_000, 30_000, 120_000]);
    fail("1#7", 3);
    expect(timers.pending).toBe(0);
    expect(requeue.counts).toEqual({ retried: 3, gaveUp: 1, superseded: 0 });
    expect(lines).toEqual([
      "serve: 1#7: GitLab was busy; retry 1 of 3 in 5 s",
      "serve: 1#7: retry 1 of 3",
      "serve: 1#7: GitLab was busy; retry 2 of 3 in 30 s",
      "serve: 1#7: retry 2 of 3",
      "serve: 1#7: GitLab was busy; retry 3 of 3 in 120 s",
      "serve: 1#7: retry 3 of 3",
      "serve: 1#7: GitLab was busy; not retried (no retries left after 3): the next sweep will finish it",
    ]);
  });

  it("keeps at most one retry per issue waiting", () => {
    const { timers, reruns, requeue, fail } = setup();
    fail("1#7", 0);
    fail("1#7", 0);
    fail("1#8", 0);
    expect(requeue.size).toBe(2);
    timers.advance(5_000);
    expect(reruns).toEqual([
      ["1#7", 1],
      ["1#8", 1],
    ]);
    expect(requeue.size).toBe(0);
  });

  it("lets no more than maxWaiting issues wait, and gives the others up at once", () => {
    const { timers, lines, reruns, requeue, fail } = setup({ delaysMs: [10], maxWaiting: 2 });
    for (const issue of ["1#1", "1#2", "1#3"]) fail(issue, 0);
    expect(requeue.size).toBe(2);
    expect(lines.at(-1)).toBe(
      "serve: 1#3: GitLab was busy; not retried (2 issues already wait for a retry): the next sweep will finish it",
    );
    timers.advance(10);
    expect(reruns.map(([issue]) => issue)).toEqual(["1#1", "1#2"]);
    // Once they ran, there is room again.
    fail("1#3", 0);
    expect(requeue.size).toBe(1);
  });

  it("drops a waiting retry when a later event of the issue succeeded", () => {
    const { timers, reruns, requeue, fail } = setup();
    fail("1#7", 0);
    requeue.succeeded("1#7");
    requeue.succeeded("1#9"); // nothing waits for it: nothing happens
    timers.advance(600_000);
    expect(reruns).toEqual([]);
    expect(requeue.counts.superseded).toBe(1);
  });

  it("on stop, drops every waiting retry with a line each, and schedules none after", () => {
    const { timers, lines, reruns, requeue, fail } = setup();
    fail("1#7", 0);
    requeue.stop();
    fail("1#8", 0);
    timers.advance(600_000);
    expect(reruns).toEqual([]);
    expect(requeue.size).toBe(0);
    expect(requeue.counts.gaveUp).toBe(2);
    expect(lines.slice(1)).toEqual([
      "serve: 1#7: a retry was waiting; not retried (serve is stopping): the next sweep will finish it",
      "serve: 1#8: GitLab was busy; not retried (serve is stopping): the next sweep will finish it",
    ]);
  });
});
