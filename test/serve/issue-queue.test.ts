import { describe, expect, it } from "vitest";
import { secretMatches } from "../../src/serve/auth.js";
import { IssueQueue } from "../../src/serve/issue-queue.js";
import { RecentKeys } from "../../src/serve/recent-keys.js";

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe("IssueQueue", () => {
  it("runs one issue's tasks in arrival order, one at a time", async () => {
    const queue = new IssueQueue(4);
    const log: string[] = [];
    const first = gate();
    queue.push("1#1", async () => {
      log.push("a start");
      await first.opened;
      log.push("a end");
    });
    queue.push("1#1", async () => {
      log.push("b");
    });
    await Promise.resolve();
    expect(log).toEqual(["a start"]);
    first.open();
    await queue.drain();
    expect(log).toEqual(["a start", "a end", "b"]);
  });

  it("lets different issues run at the same time, up to the limit", async () => {
    const queue = new IssueQueue(2);
    let running = 0;
    let peak = 0;
    const release = gate();
    const twoRunning = gate();
    for (const key of ["1#1", "1#2", "1#3", "1#4"]) {
      queue.push(key, async () => {
        running += 1;
        peak = Math.max(peak, running);
        if (running === 2) twoRunning.open();
        await release.opened;
        running -= 1;
      });
    }
    // Waits for the event "two tasks run", then lets the queue do all it would before release.
    await twoRunning.opened;
    for (let turn = 0; turn < 10; turn += 1) await Promise.resolve();
    expect(running).toBe(2);
    expect(queue.size).toBe(4);
    release.open();
    await queue.drain();
    expect(peak).toBe(2);
    expect(queue.size).toBe(0);
  });

  it("keeps going after a task fails", async () => {
    const queue = new IssueQueue(1);
    const done: string[] = [];
    queue.push("k", async () => {
      throw new Error("boom");
    });
    queue.push("k", async () => {
      done.push("next");
    });
    await queue.drain();
    expect(done).toEqual(["next"]);
  });
});

describe("RecentKeys", () => {
  it("remembers the newest keys and forgets the oldest beyond its capacity", () => {
    const keys = new RecentKeys(2);
    keys.add("a");
    keys.add("b");
    keys.add("a"); // refreshed
    keys.add("c");
    expect([keys.has("a"), keys.has("b"), keys.has("c")]).toEqual([true, false, true]);
    expect(keys.size).toBe(2);
  });
});

describe("secretMatches", () => {
  it("accepts only the exact secret", () => {
    expect(secretMatches("s3cret", "s3cret")).toBe(true);
    for (const given of ["s3cre", "s3cret ", "S3CRET", "", undefined, ["s3cret"]]) {
      expect(secretMatches(given as string | undefined, "s3cret")).toBe(false);
    }
  });
});
