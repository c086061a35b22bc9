import { handle } from "../commands/handle.js";
import type { Config } from "../config/schema.js";
import type { Renderer } from "../engine/render.js";
import type { GitLabPort, User } from "../gitlab/port.js";
import type { Reporter, RunContext } from "../run/context.js";
import { errorLine } from "../run/safe-error.js";
import { type RunSummary, summaryLines } from "../run/summary.js";

export interface EventProcessorOptions {
  port: GitLabPort;
  config: Config;
  renderer: Renderer;
  bot: User;
  /** Read once per event: the event is decided at the time it is handled. */
  clock: () => Date;
  dryRun: boolean;
  project: string;
  secrets: string[];
  reporter: Reporter;
}

/**
 * Handles one accepted delivery exactly as `career-bot handle` would, with a fresh run (clock, write
 * budget, user cache) per event, and logs the outcome. Never throws: a failure is a log line, the
 * next event goes on, and the next sweep repairs what this one left undone.
 */
export function createEventProcessor(
  options: EventProcessorOptions,
): (body: string) => Promise<RunSummary | undefined> {
  return async (body) => {
    const ctx: RunContext = {
      port: options.port,
      config: options.config,
      renderer: options.renderer,
      bot: options.bot,
      now: options.clock(),
      dryRun: options.dryRun,
      budget: { limit: options.config.max_writes_per_run, used: 0 },
      reporter: options.reporter,
      userCache: new Map(),
    };
    try {
      const summary = await handle(ctx, body, { project: options.project, secrets: options.secrets });
      for (const line of summaryLines(summary)) options.reporter.info(line);
      return summary;
    } catch (error) {
      options.reporter.info(`event not handled: ${errorLine(error, options.secrets)}`);
      return undefined;
    }
  };
}
