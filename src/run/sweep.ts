import { ensureConversationIssues } from "../conversations/roster.js";
import { findDashboards, keepDashboard } from "../dashboard/keep.js";
import { addNotice, recheckRequested, recordDashboard } from "../dashboard/recheck.js";
import { dashboardTarget } from "../dashboard/target.js";
import { dayOf } from "../engine/dates.js";
import { GroupNotFoundError } from "../errors.js";
import { GitLabError, type Issue, type ProjectRef } from "../gitlab/port.js";
import { settingError } from "../gitlab/setting-errors.js";
import type { RunContext } from "../run/context.js";
import { checkHookHealth } from "../run/hook-health.js";
import { reconcileIssues } from "../run/reconcile.js";
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
 * Then it keeps the dashboard issue (dashboard/keep.ts); when a person ticked its re-check box,
 * every open workflow is reconciled, not only those.
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
  // The dashboard is looked up first: a ticked re-check box widens this sweep to every open workflow.
  const target = dashboardTarget(ctx.config, options);
  let found: Issue[] | undefined;
  let recheck = false;
  if (target.kind === "on") {
    try {
      found = await findDashboards(ctx, target.project);
      recheck = recheckRequested(found, ctx.bot.id);
    } catch (error) {
      // Not knowing whether a dashboard exists, the sweep must not make another one.
      summary.failures.push({ ref: "dashboard", error: errorLine(error, options.secrets) });
    }
  }
  const due = await list({ state: "opened", orderByDueDate: true, dueOnOrBefore: today });
  const recent = await list({ state: "opened", updatedAfter: since });
  const everything = recheck ? await list({ state: "opened" }) : [];
  const recentKeys = new Set(recent.map(key));
  const byKey = new Map<string, Issue>();
  for (const issue of [...due, ...recent, ...everything]) {
    if (!workflowFor(issue.labels)) continue;
    if (options.shard && !inShard(issue, options.shard)) continue;
    byKey.set(key(issue), issue);
  }
  const issues = [...byKey.values()].sort((a, b) => a.projectId - b.projectId || a.iid - b.iid);
  summary.issuesSeen = issues.length;
  await reconcileIssues(ctx, issues, summary, {
    secrets: options.secrets,
    // A re-check is a person asking for everything to be looked at again, people included.
    verifyUsers: (issue) => recheck || recentKeys.has(key(issue)),
  });
  // After the workflows, so it shows what this sweep made of them. One shard keeps it, as one
  // shard makes the recurring issues.
  if (target.kind === "on" && found && (options.shard === undefined || options.shard.index === 1)) {
    try {
      recordDashboard(summary, await keepDashboard(ctx, target, found));
    } catch (error) {
      summary.failures.push({ ref: "dashboard", error: errorLine(error, options.secrets) });
    }
  }
  if (target.kind === "none") addNotice(summary, target.reason);
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
