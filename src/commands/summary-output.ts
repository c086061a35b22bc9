import { type RunSummary, summaryLines } from "../run/summary.js";
import type { CommandOutput } from "./command.js";

/** A run's summary as a command's output: exit 1 when any issue failed (each is listed). */
export function summaryOutput(summary: RunSummary): CommandOutput {
  return { lines: summaryLines(summary), json: summary, exitCode: summary.failures.length > 0 ? 1 : 0 };
}
