import { describe, expect, it } from "vitest";
import { PACING_WINDOW_MS, type Pacer, windowPacer } from "../../src/engine/pacer.js";
import type { WriteRecord } from "../../src/engine/write-record.js";
import { budgetedWriter } from "../../src/engine/writer.js";

function clockAt(start = 0) {
  const clock = {
    t: start,
    slept: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

describe("windowPacer", () => {
  it("lets `perMinute` writes through at once and holds the next until the oldest is a window old", async () => {
    const clock = clockAt();
    const pacer = windowPacer(3, clock);
    for (const at of [0, 10_000, 30_000]) {
      clock.t = at;
      await pacer.beforeWrite(`w${at}`);
    }
    clock.t = 45_000;
    await pacer.beforeWrite("fourth");
    expect(clock.slept).toEqual([PACING_WINDOW_MS - 45_000]);
    // The write at 10 s leaves the window at 71 s; the fifth comes at 61 s and waits 10 s.
    await pacer.beforeWrite("fifth");
    expect(clock.slept).toEqual([PACING_WINDOW_MS - 45_000, 10_000]);
    expect(pacer.report()).toEqual({
      writesPerMinute: 3,
      writes: 5,
      waitedMs: 26_000,
      waits: [
        { before: "fourth", afterWrites: 3, ms: 16_000 },
        { before: "fifth", afterWrites: 4, ms: 10_000 },
      ],
    });
  });

  it("never waits when the writes of any window stay within the limit", async () => {
    const clock = clockAt();
    const pacer = windowPacer(2, clock);
    for (let i = 0; i < 10; i += 1) {
      clock.t = i * 31_000;
      await pacer.beforeWrite(`w${i}`);
    }
    expect(clock.slept).toEqual([]);
    expect(pacer.report().writes).toBe(10);
  });

  it("starts its window from the earlier echoes, asked once and only before the first write", async () => {
    const clock = clockAt(100_000);
    let asked = 0;
    const pacer = windowPacer(3, clock, {
      earlier: async () => {
        asked += 1;
        return [90_000, 50_000];
      },
    });
    expect(pacer.report().startedFrom).toBeUndefined();
    expect(asked).toBe(0);
    await pacer.beforeWrite("first");
    // 50 s, 90 s and the first write fill the window; the second waits for 50 s to leave it (111 s).
    await pacer.beforeWrite("second");
    expect(asked).toBe(1);
    expect(clock.slept).toEqual([50_000 + PACING_WINDOW_MS - 100_000]);
    expect(pacer.report()).toMatchObject({ writes: 2, startedFrom: 2 });
  });

  it("starts from an empty window when the earlier echoes are unknown, and reports it", async () => {
    const clock = clockAt();
    const pacer = windowPacer(1, clock, { earlier: async () => null });
    await pacer.beforeWrite("first");
    expect(clock.slept).toEqual([]);
    expect(pacer.report().startedFrom).toBeNull();
  });

  it("refuses a limit below one write", () => {
    expect(() => windowPacer(0, clockAt())).toThrow(/at least 1/);
  });
});

describe("budgetedWriter with a pacer", () => {
  function record(kind: WriteRecord["kind"], what: string): WriteRecord {
    return { kind, issue: "1#1", what };
  }

  function spyPacer(): Pacer & { seen: string[] } {
    const seen: string[] = [];
    return { seen, beforeWrite: async (what) => void seen.push(what), report: () => ({}) as never };
  }

  it("asks the pacer before each echoing write, not before one that fires no webhook", async () => {
    const pacer = spyPacer();
    const done: string[] = [];
    const write = budgetedWriter({ dryRun: false, budget: { limit: 10, used: 0 }, pacer }, []);
    await write(record("note", "note a"), async () => void done.push("note a"));
    await write(record("link", "link #2"), async () => void done.push("link #2"));
    await write(record("delete-note", "withdraw a"), async () => void done.push("withdraw a"));
    await write(record("update", "update"), async () => void done.push("update"));
    expect(pacer.seen).toEqual(["note a", "update"]);
    expect(done).toEqual(["note a", "link #2", "withdraw a", "update"]);
  });

  it("does not wait for a write the budget refuses, nor in a dry run", async () => {
    const pacer = spyPacer();
    const spent = budgetedWriter({ dryRun: false, budget: { limit: 1, used: 1 }, pacer }, []);
    await expect(spent(record("note", "note"), async () => {})).rejects.toThrow(/max_writes_per_run/);
    const dry = budgetedWriter({ dryRun: true, budget: { limit: 10, used: 0 }, pacer }, []);
    await dry(record("note", "note"), async () => {});
    expect(pacer.seen).toEqual([]);
  });
});
