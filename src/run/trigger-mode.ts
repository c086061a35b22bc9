import type { Config } from "../config/schema.js";
import { PACING_WINDOW_MS, type Pacer, type PacerClock, seconds, windowPacer } from "../engine/pacer.js";
import { GitLabError, type GitLabPort, type ProjectRef, type User } from "../gitlab/port.js";
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

/** The pacer's clock, and the wall clock that places GitLab's pipeline times on it. */
export interface RunClock extends PacerClock {
  /**
   * Milliseconds since the epoch on this machine's clock. Not the run's `now` (which `--now` may
   * set): that is a decision input, while this measures how long ago a pipeline was made.
   */
  wallMs(): number;
}

/** What a pacer needs to read the pipelines before the run: GitLab, the project, the bot. */
export interface EarlierPipelines {
  port: Pick<GitLabPort, "listRecentPipelines">;
  /** The project whose pipelines the writes start; unknown for a group sweep outside GitLab CI. */
  project: ProjectRef | undefined;
  bot: Pick<User, "username">;
}

/** The pacer of a `handle` or `sweep` run, or none when the run has no echo pipelines to fear. */
export function pacerFor(
  config: Pick<Config, "trigger_writes_per_minute">,
  env: NodeJS.ProcessEnv,
  options: EarlierPipelines & { dryRun: boolean; clock: RunClock; reporter: Reporter },
): Pacer | undefined {
  const perMinute = config.trigger_writes_per_minute;
  if (options.dryRun || perMinute === 0 || !inTriggerMode(env)) return undefined;
  return windowPacer(perMinute, options.clock, {
    onWait: (wait) =>
      options.reporter.info(
        `pacing: waiting ${seconds(wait.ms)} before "${wait.before}": ${perMinute} writes in the last minute, and in trigger mode each starts a pipeline (trigger_writes_per_minute)`,
      ),
    earlier: () => earlierEchoes(options, perMinute),
  });
}

/**
 * The window at the start of a run: the project's pipelines the bot's user started in the last
 * window, as GitLab records them. Trigger pipelines run as the trigger's owner (the bot, which
 * `setup` made it with), so these are people's events and the bot's earlier echoes alike, the same
 * count GitLab's limit keeps. Their times come on GitLab's clock; the wall clock turns them into
 * ages, and those into times on the pacer's clock. Skew between the two clocks is what the window's
 * extra second allows for; a pipeline that seems to come from the future counts as made now. When
 * GitLab will not list them, the window starts empty and the log says so once.
 */
export async function earlierEchoes(
  options: EarlierPipelines & { clock: RunClock; reporter: Reporter },
  perMinute: number,
): Promise<number[] | null> {
  const { clock, project } = options;
  const unknown = (why: string) => {
    options.reporter.info(
      `pacing: ${why}; counting from an empty window, so with the job just before this one the project may start more than ${perMinute} pipelines in a minute`,
    );
    return null;
  };
  if (project === undefined) return unknown("no project to read recent pipelines of (--project)");
  const now = clock.now();
  const wall = clock.wallMs();
  try {
    const pipelines = await options.port.listRecentPipelines(project, {
      username: options.bot.username,
      createdAfter: new Date(wall - PACING_WINDOW_MS).toISOString(),
    });
    return pipelines
      .map((pipeline) => {
        const age = wall - Date.parse(pipeline.createdAt);
        return now - (Number.isNaN(age) ? 0 : Math.max(0, age));
      })
      .filter((at) => at > now - PACING_WINDOW_MS);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const role =
      error instanceof GitLabError && error.kind === "forbidden"
        ? " (listing pipelines needs the Reporter role)"
        : "";
    return unknown(`could not read the project's pipelines of the last minute${role}: ${detail}`);
  }
}
