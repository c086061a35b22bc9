import { type PacingReport, seconds } from "../engine/pacer.js";
import type { RunFailure } from "./failure.js";
import { type HookHealth, hookUnhealthy } from "./hook-health.js";
import type { IssueOutcome } from "./process-issue.js";

/** What a run did, for people (closing lines) and machines (`--json`). */
export interface RunSummary {
  command: string;
  dryRun: boolean;
  issuesSeen: number;
  issues: IssueOutcome[];
  ignored?: string;
  failures: RunFailure[];
  /** The sweep's look at the bot's webhook (project sweeps only). */
  webhook?: HookHealth;
  /** Trigger mode only: how the run spaced its writes to stay under GitLab's pipeline limit. */
  pacing?: PacingReport;
  /** Lines for people that are neither writes nor failures (e.g. "no group dashboard"). */
  notices?: string[];
}

export function emptySummary(command: string, dryRun: boolean): RunSummary {
  return { command, dryRun, issuesSeen: 0, issues: [], failures: [] };
}

export function writeCount(summary: RunSummary): number {
  return summary.issues.reduce((n, i) => n + i.writes.length, 0);
}

export function summaryLines(summary: RunSummary): string[] {
  if (summary.ignored) return [`ignored: ${summary.ignored}`];
  const verb = summary.dryRun ? "would write" : "wrote";
  const lines = summary.issues
    .filter((i) => i.writes.length > 0)
    .map(
      (i) =>
        `${i.ref} (${[i.workflow, i.stage].filter(Boolean).join(" ")}) ${verb}: ${i.writes.map((w) => w.what).join("; ")}`,
    );
  lines.push(
    `${summary.command}: ${summary.issuesSeen} issue(s) seen, ${writeCount(summary)} write(s)${summary.dryRun ? " planned (dry run)" : ""}, ${summary.failures.length} failure(s)`,
  );
  for (const failure of summary.failures) lines.push(`FAILED ${failure.ref}: ${failure.error}`);
  for (const notice of summary.notices ?? []) lines.push(notice);
  if (summary.pacing) lines.push(pacingLine(summary.pacing));
  const hook = summary.webhook;
  if (hook && hook.status !== "ok" && hook.status !== "none") {
    lines.push(`${hookUnhealthy(hook) ? "WEBHOOK FAILING" : "webhook"}: ${hook.detail}`);
  }
  return lines;
}

/** Exit 1: an issue failed, or the webhook GitLab feeds the bot with is disabled. */
export function runFailed(summary: RunSummary): boolean {
  return summary.failures.length > 0 || hookUnhealthy(summary.webhook);
}

/** Whether and how long a trigger-mode run waited; people see why a job took minutes. */
export function pacingLine(pacing: PacingReport): string {
  const limit = `at most ${pacing.writesPerMinute} writes a minute (trigger mode: each starts a pipeline)`;
  const before = startedFrom(pacing.startedFrom);
  if (pacing.waits.length === 0) return `pacing: ${pacing.writes} write(s), no wait, ${limit}${before}`;
  const when = pacing.waits.map((w) => `${seconds(w.ms)} after write ${w.afterWrites}`);
  return `pacing: waited ${seconds(pacing.waitedMs)} in ${pacing.waits.length} pause(s) (${when.join(", ")}) for ${limit}${before}`;
}

/** What the window started from: GitLab's count of the last minute's pipelines, if it gave one. */
function startedFrom(count: number | null | undefined): string {
  if (count === undefined) return "";
  if (count === null)
    return ", counting from an empty window (the last minute's pipelines could not be read)";
  return `, counting ${count} pipeline(s) of the last minute before the run`;
}
