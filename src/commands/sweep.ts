import { ensureConversationIssues } from "../conversations/roster.js";
import { dayOf } from "../engine/dates.js";
import { GroupNotFoundError } from "../errors.js";
import { GitLabError, type Issue, type ProjectRef } from "../gitlab/port.js";
import { settingError } from "../gitlab/setting-errors.js";
import type { RunContext } from "../run/context.js";
import { checkHookHealth } from "../run/hook-health.js";
import { processIssue } from "../run/process-issue.js";
import { errorLine } from "../run/safe-error.js";
import { emptySummary, type RunSummary } from "../run/summary.js";
import { workflowFor } from "../workflows/index.js";

export interface SweepOptions {
  project?: ProjectRef;
  group?: string;
  /** 1-based shard of `total` (GitLab CI's CI_NODE_INDEX / CI_NODE_TOTAL). */
  shard?: { index: number; total: number };
  secrets: string[];
}

/**
 * Reconciles the open workflow issues that need it: those due today or earlier (one query ordered
 * by due date, stopping at the first issue due later) and those updated lately (events that may
 * have been lost). Everything else has nothing to do until its due date, which the bot set.
 */
export async function sweep(ctx: RunContext, options: SweepOptions): Promise<RunSummary> {
  const summary = emptySummary("sweep", ctx.dryRun);
  const today = dayOf(ctx.now, ctx.config.timezone);
  const since = new Date(ctx.now.getTime() - ctx.config.sweep_lookback_hours * 3_600_000).toISOString();
  const list = (query: Parameters<typeof ctx.port.listIssues>[1]) =>
    options.group
      ? groupIssues(ctx, options.group, query)
      : ctx.port.listIssues(options.project!, query).catch((error: unknown) => {
          // The project's own listing failing with 404 or 403 is the project setting, not some work.
          throw settingError(error, { project: options.project });
        });

  // Recurring issues first, so this sweep also sets up the ones it creates (the bot's own writes
  // send it no webhook it would act on). Only one shard creates them, so shards never race.
  if (options.project !== undefined && (options.shard === undefined || options.shard.index === 1)) {
    try {
      const created = await ensureConversationIssues(ctx, options.project);
      if (created.length > 0)
        summary.issues.push({ ref: "conversations", workflow: "conversation", writes: created });
    } catch (error) {
      summary.failures.push({ ref: "conversations", error: errorLine(error, options.secrets) });
    }
  }
  const due = await list({ state: "opened", orderByDueDate: true, dueOnOrBefore: today });
  const recent = await list({ state: "opened", updatedAfter: since });
  const recentKeys = new Set(recent.map(key));
  const byKey = new Map<string, Issue>();
  for (const issue of [...due, ...recent]) {
    if (!workflowFor(issue.labels)) continue;
    if (options.shard && !inShard(issue, options.shard)) continue;
    byKey.set(key(issue), issue);
  }
  const issues = [...byKey.values()].sort((a, b) => a.projectId - b.projectId || a.iid - b.iid);
  summary.issuesSeen = issues.length;
  for (const [index, issue] of issues.entries()) {
    const ref = key(issue);
    ctx.reporter.beginIssue?.(ref, issue);
    try {
      const outcome = await processIssue(ctx, issue.projectId, issue, { verifyUsers: recentKeys.has(ref) });
      summary.issues.push(outcome);
      if (outcome.writes.length > 0)
        ctx.reporter.info(`${ref}: ${outcome.writes.map((w) => w.what).join("; ")}`);
    } catch (error) {
      summary.failures.push({ ref, error: errorLine(error, options.secrets) });
      ctx.reporter.info(`${ref}: FAILED ${errorLine(error, options.secrets)}`);
    }
    ctx.reporter.endIssue?.(ref);
    if ((index + 1) % 100 === 0) ctx.reporter.info(`progress: ${index + 1}/${issues.length} issues`);
  }
  // After the work: a disabled hook makes the sweep exit 1, but must not stop it.
  if (options.project !== undefined) {
    summary.webhook = await checkHookHealth(ctx.port, options.project, options.secrets);
  }
  return summary;
}

/**
 * A group's issues. GitLab answers 404 for a group the token cannot see (and 403 when it may not
 * list it): the port's message speaks of projects and issues, so say it in terms of `--group`.
 */
async function groupIssues(
  ctx: RunContext,
  group: string,
  query: Parameters<typeof ctx.port.listGroupIssues>[1],
): Promise<Issue[]> {
  try {
    return await ctx.port.listGroupIssues(group, query);
  } catch (error) {
    if (error instanceof GitLabError && (error.kind === "not-found" || error.kind === "forbidden"))
      throw new GroupNotFoundError(group, error.status);
    throw error;
  }
}

function key(issue: Issue): string {
  return `${issue.projectId}#${issue.iid}`;
}

/** A stable, disjoint share of the issues: every issue lands in exactly one shard. */
export function inShard(
  issue: Pick<Issue, "projectId" | "iid">,
  shard: { index: number; total: number },
): boolean {
  const hash = (Math.imul(issue.projectId, 2654435761 | 0) + issue.iid) >>> 0;
  return hash % shard.total === shard.index - 1;
}
