import type { Config } from "../config/schema.js";
import type { Renderer } from "../engine/render.js";
import type { StateSigner } from "../engine/state-signature.js";
import type { GitLabPort, User } from "../gitlab/port.js";
import type { RunContext } from "../run/context.js";
import { handle } from "../run/handle.js";
import { errorLine } from "../run/safe-error.js";
import type { RunSummary } from "../run/summary.js";
import { eventRecord, type ServeLog } from "./log.js";

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
  log: ServeLog;
  stateSigner?: StateSigner;
}

/**
 * Handles one accepted delivery exactly as `career-bot handle` would, with a fresh run (clock, write
 * budget, user cache) per event, and logs its outcome in one line. Never throws: a failure is a log
 * line, the next event goes on, and the next sweep repairs what this one left undone.
 */
export function createEventProcessor(
  options: EventProcessorOptions,
): (body: string, event: string, issue: string) => Promise<RunSummary | undefined> {
  return async (body, event, issue) => {
    const ctx: RunContext = {
      port: options.port,
      config: options.config,
      renderer: options.renderer,
      bot: options.bot,
      now: options.clock(),
      dryRun: options.dryRun,
      budget: { limit: options.config.max_writes_per_run, used: 0 },
      reporter: { info: (line) => options.log.info(line) },
      userCache: new Map(),
      ...(options.stateSigner ? { stateSigner: options.stateSigner } : {}),
    };
    try {
      const summary = await handle(ctx, body, { project: options.project, secrets: options.secrets });
      options.log.event(eventRecord(event, issue, summary));
      return summary;
    } catch (error) {
      const detail = `not handled: ${errorLine(error, options.secrets)}`;
      options.log.event({ event, issue, outcome: "failed", writes: [], detail });
      return undefined;
    }
  };
}
