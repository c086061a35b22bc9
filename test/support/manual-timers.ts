import type { Timers } from "../../src/serve/requeue.js";

/** Timers that run only when the test moves time on: retry waits cost no real time. */
export class ManualTimers implements Timers {
  private now = 0;
  private nextId = 1;
  private readonly due = new Map<number, { at: number; run: () => void }>();
  /** Every wait asked for, in ms, in order. */
  readonly asked: number[] = [];

  set(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.asked.push(ms);
    this.due.set(id, { at: this.now + ms, run });
    return id;
  }

  clear(handle: unknown): void {
    this.due.delete(handle as number);
  }

  /** Timers set and not yet run or cleared. */
  get pending(): number {
    return this.due.size;
  }

  /** Moves the clock on by `ms`, running each timer that falls due, earliest first. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = [...this.due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > until) break;
      this.due.delete(next[0]);
      this.now = next[1].at;
      next[1].run();
    }
    this.now = until;
  }
}
