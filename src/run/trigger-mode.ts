import type { Config } from "../config/schema.js";
import { type Pacer, type PacerClock, seconds, windowPacer } from "../engine/pacer.js";
import type { Reporter } from "./context.js";

/**
 * Whether this run's writes may start pipelines (trigger mode). Once a project has the trigger
 * webhook, every write of the bot fires it, whatever started the job that writes: the webhook's
 * events (`trigger`, `handle`), the schedule and "Run pipeline" (`schedule`, `web`: the CI/CD
 * component sweeps on both), or anything else. So every `handle` and `sweep` in a GitLab CI job
 * paces, and a project whose writes start no pipeline (`serve`, a sweep-only project without the
 * webhook) says so with `trigger_writes_per_minute: 0`. `serve` builds its runs elsewhere and never
 * paces: its webhook posts to itself. Runs outside GitLab CI (a laptop, a test) do not pace either.
 */
export function inTriggerMode(env: NodeJS.ProcessEnv): boolean {
  return env.GITLAB_CI === "true";
}

/** The real clock: monotonic milliseconds and a timer. */
export const systemClock: PacerClock = {
  // process.hrtime, not performance.now(): the global `performance` loads perf_hooks on first use.
  now: () => Number(process.hrtime.bigint()) / 1e6,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The pacer of a `handle` or `sweep` run, or none when the run has no echo pipelines to fear. */
export function pacerFor(
  config: Pick<Config, "trigger_writes_per_minute">,
  env: NodeJS.ProcessEnv,
  options: { dryRun: boolean; clock: PacerClock; reporter: Reporter },
): Pacer | undefined {
  const perMinute = config.trigger_writes_per_minute;
  if (options.dryRun || perMinute === 0 || !inTriggerMode(env)) return undefined;
  return windowPacer(perMinute, options.clock, (wait) =>
    options.reporter.info(
      `pacing: waiting ${seconds(wait.ms)} before "${wait.before}": ${perMinute} writes in the last minute, and in trigger mode each starts a pipeline (trigger_writes_per_minute)`,
    ),
  );
}
