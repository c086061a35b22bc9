/**
 * Keeps the bot's echoing writes under GitLab's pipeline-creation limit in trigger mode.
 *
 * In trigger mode the project's webhook posts every issue and comment event to the pipeline trigger,
 * the bot's own writes included: each note, issue create and issue update starts a pipeline (whose
 * job only says "ignored"). GitLab counts pipeline creations per project, user and commit in
 * one-minute windows (`Chain::Limit::RateLimit`, `pipelines_create` in
 * lib/gitlab/application_rate_limiter.rb; 25 on GitLab.com); past it the trigger answers 4xx and
 * GitLab disables the failing webhook. So before each echoing write the pacer makes sure no more
 * than `perMinute` of them fell in the window before it, waiting for the oldest to leave it if need be.
 *
 * A run is one CI job, and the job before it (a burst of people's events, another sweep shard) may
 * have filled the window already. So before its first echoing write, and only then (a run that writes
 * nothing asks nothing), the pacer starts its window from what happened before the run: `earlier`.
 */

/** Time and waiting, injected: tests use a clock that moves only when the pacer sleeps. */
export interface PacerClock {
  /** Milliseconds on a clock that only moves forward. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** One pause: before which write, after how many writes of the run, and how long. */
export interface PacingWait {
  before: string;
  afterWrites: number;
  ms: number;
}

/** What the summary says about pacing. */
export interface PacingReport {
  writesPerMinute: number;
  /** Echoing writes this run made. */
  writes: number;
  waits: PacingWait[];
  waitedMs: number;
  /**
   * How many earlier pipelines of the last window the run started from, read before its first
   * echoing write; null when they could not be read (the window started empty). Absent when the run
   * made no echoing write, or the pacer has no `earlier`.
   */
  startedFrom?: number | null;
}

export interface Pacer {
  /** Waits, if needed, then counts one echoing write (named `what`) as made now. */
  beforeWrite(what: string): Promise<void>;
  report(): PacingReport;
}

/**
 * GitLab's window is a minute of its own clock (`Time.now.to_i.divmod(interval)`); the pacer counts
 * on a sliding window, which holds in whichever minute GitLab's falls, plus a second for the delay
 * between a write and the webhook delivery that creates its pipeline.
 */
export const PACING_WINDOW_MS = 61_000;

/** A wait as people read it in a job log. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export interface WindowPacerOptions {
  onWait?: (wait: PacingWait) => void;
  /**
   * Times (on `clock.now()`'s scale) of the echoes that came before the run and still count, or null
   * when they cannot be known. Called once, before the first echoing write; must not reject.
   */
  earlier?: () => Promise<number[] | null>;
}

export function windowPacer(perMinute: number, clock: PacerClock, options: WindowPacerOptions = {}): Pacer {
  if (!Number.isInteger(perMinute) || perMinute < 1) {
    throw new RangeError(`writes per minute must be a whole number of at least 1, not ${perMinute}`);
  }
  const { onWait = () => {}, earlier } = options;
  const recent: number[] = [];
  const waits: PacingWait[] = [];
  let writes = 0;
  let seeding: Promise<void> | undefined;
  let startedFrom: number | null | undefined;
  const forget = (now: number) => {
    while (recent.length > 0 && recent[0]! <= now - PACING_WINDOW_MS) recent.shift();
  };
  const seed = async () => {
    const times = earlier ? await earlier() : undefined;
    if (times === undefined) return;
    startedFrom = times === null ? null : times.length;
    // Before any write of the run, so the window is empty and these go first, oldest first.
    recent.push(...(times ?? []).toSorted((a, b) => a - b));
  };
  return {
    async beforeWrite(what) {
      seeding ??= seed();
      await seeding;
      let now = clock.now();
      forget(now);
      // A loop, not an if: a timer may fire a little early.
      while (recent.length >= perMinute) {
        const ms = recent[0]! + PACING_WINDOW_MS - now;
        const wait = { before: what, afterWrites: writes, ms };
        waits.push(wait);
        onWait(wait);
        await clock.sleep(ms);
        now = clock.now();
        forget(now);
      }
      recent.push(now);
      writes += 1;
    },
    report() {
      const report: PacingReport = {
        writesPerMinute: perMinute,
        writes,
        waits,
        waitedMs: waits.reduce((n, w) => n + w.ms, 0),
      };
      return startedFrom === undefined ? report : { ...report, startedFrom };
    },
  };
}
