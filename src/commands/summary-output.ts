import type { RunContext } from "../run/context.js";
import { type RunSummary, runFailed, summaryLines } from "../run/summary.js";
import type { CommandOutput } from "./command.js";

/**
 * A run's summary as a command's output, with what the pacer did when the run was paced: exit 1
 * when any issue failed (each is listed) or the webhook GitLab feeds the bot with is disabled.
 */
export function summaryOutput(summary: RunSummary, ctx?: Pick<RunContext, "pacer">): CommandOutput {
  const pacing = ctx?.pacer?.report();
  const full = pacing ? { ...summary, pacing } : summary;
  return { lines: summaryLines(full), json: full, exitCode: runFailed(full) ? 1 : 0 };
}
