/**
 * `serve`'s second chance for an issue whose event failed because GitLab was busy or unreachable
 * (5xx, 429, a timeout, a dropped connection). Handling is level-triggered and every bot note is
 * keyed, so running the issue again is safe; without this, the issue would wait for the next sweep,
 * a day later. Tries again after each delay in turn (about 5 s, 30 s, 2 min), then gives up and
 * says so. At most one retry per issue waits at a time (a retry re-reads the whole issue, so one
 * covers every event that failed meanwhile), and at most `maxWaiting` issues wait at all: past
 * that, GitLab is down rather than flaky, and the sweep is the better repair.
 */

export interface RetryPolicy {
  /** The wait before each retry, in order; their count is the most retries an issue gets. */
  delaysMs: readonly number[];
  /** Issues waiting for a retry at most; more failures are given up at once. */
  maxWaiting: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { delaysMs: [5_000, 30_000, 120_000], maxWaiting: 100 };

/** The timer functions, injected so tests advance time instead of sleeping. */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const REAL_TIMERS: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RequeueOptions {
  policy: RetryPolicy;
  timers: Timers;
  log(message: string): void;
}

export interface RequeueCounts {
  /** Retries started (their timer ran out and the issue was queued again). */
  retried: number;
  /** Issues given up: out of retries, too many waiting, or serve stopping. */
  gaveUp: number;
  /** Retries dropped because a later event for the issue succeeded first. */
  superseded: number;
}

export class Requeue {
  private readonly waiting = new Map<string, unknown>();
  private stopped = false;
  readonly counts: RequeueCounts = { retried: 0, gaveUp: 0, superseded: 0 };

  constructor(private readonly options: RequeueOptions) {}

  /** Issues with a retry waiting. */
  get size(): number {
    return this.waiting.size;
  }

  /**
   * An event of `issue` failed in a way worth retrying; `attempt` is the retry that failed (0 for the
   * delivery itself). Schedules the next retry, `rerun(next)`, which puts the work on the issue's
   * queue again; or gives up with a log line saying why.
   */
  failed(issue: string, attempt: number, why: string, rerun: (attempt: number) => void): void {
    if (this.waiting.has(issue)) return; // the retry already waiting re-reads the whole issue
    const { delaysMs } = this.options.policy;
    const delay = delaysMs[attempt];
    const refused = this.refusal(delay, attempt);
    if (refused || delay === undefined) {
      this.giveUp(issue, why, refused ?? "no retries left");
      return;
    }
    const next = attempt + 1;
    this.options.log(`serve: ${issue}: ${why}; retry ${next} of ${delaysMs.length} in ${seconds(delay)}`);
    const handle = this.options.timers.set(() => {
      this.waiting.delete(issue);
      this.counts.retried += 1;
      this.options.log(`serve: ${issue}: retry ${next} of ${delaysMs.length}`);
      rerun(next);
    }, delay);
    this.waiting.set(issue, handle);
  }

  /** An event of `issue` was handled without failure: a retry still waiting for it has nothing to do. */
  succeeded(issue: string): void {
    const handle = this.waiting.get(issue);
    if (handle === undefined) return;
    this.options.timers.clear(handle);
    this.waiting.delete(issue);
    this.counts.superseded += 1;
  }

  /** serve is stopping: no retry waits any longer, and none is scheduled from now on. */
  stop(): void {
    this.stopped = true;
    for (const [issue, handle] of this.waiting) {
      this.options.timers.clear(handle);
      this.waiting.delete(issue);
      this.giveUp(issue, "a retry was waiting", "serve is stopping");
    }
  }

  /** Why no retry is scheduled, if none is. */
  private refusal(delay: number | undefined, attempt: number): string | undefined {
    if (this.stopped) return "serve is stopping";
    if (delay === undefined) return `no retries left after ${attempt}`;
    const { maxWaiting } = this.options.policy;
    if (this.waiting.size >= maxWaiting) return `${maxWaiting} issues already wait for a retry`;
    return undefined;
  }

  private giveUp(issue: string, why: string, reason: string): void {
    this.counts.gaveUp += 1;
    this.options.log(`serve: ${issue}: ${why}; not retried (${reason}): the next sweep will finish it`);
  }
}

function seconds(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
