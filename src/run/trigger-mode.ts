import type { Config } from "../config/schema.js";
import { type Pacer, type PacerClock, seconds, windowPacer } from "../engine/pacer.js";
import type { Reporter } from "./context.js";

/**
 * Whether this run's writes start pipelines (trigger mode). The bot's jobs in trigger mode are those
 * of pipelines GitLab creates from the pipeline trigger (the webhook's events: `handle`) and from the
 * schedule (`sweep`), SPEC section 1; GitLab CI tells a job which through `CI_PIPELINE_SOURCE`
 * (`trigger`, `schedule`). `serve` builds its runs elsewhere and never paces: its webhook posts to
 * itself, so its writes start no pipeline. Runs outside GitLab CI (a laptop, a test) do not pace
 * either. A project whose scheduled sweep runs without a trigger webhook (serve, sweep-only) turns
 * pacing off with `trigger_writes_per_minute: 0`.
 */
export function inTriggerMode(env: NodeJS.ProcessEnv): boolean {
  return env.GITLAB_CI === "true" && ["trigger", "schedule"].includes(env.CI_PIPELINE_SOURCE ?? "");
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
