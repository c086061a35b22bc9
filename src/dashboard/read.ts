import { dayOf } from "../engine/dates.js";
import { hasFollowUpMarker } from "../engine/markers.js";
import { withCheckedState } from "../engine/state-check.js";
import type { Issue, IssueQuery, ProjectRef } from "../gitlab/port.js";
import type { RunContext } from "../run/context.js";
import { workflowFor } from "../workflows/index.js";
import type { DashboardInput } from "./input.js";

/** Where the dashboard's issues come from: one project, or every project of a group. */
export type DashboardScope = { project: ProjectRef } | { group: string };

const OUTCOME_WINDOW_DAYS = 366;

/**
 * Reads what the dashboard is built from with two listings and no notes: every open issue (one
 * request per 100), and the issues closed since a year ago. Workflow issues are those with a
 * workflow label; follow-ups are the bot's own issues that carry a follow-up marker and no
 * workflow label (they have none).
 */
export async function readDashboardInput(ctx: RunContext, scope: DashboardScope): Promise<DashboardInput> {
  const list = (query: IssueQuery) =>
    "group" in scope
      ? ctx.port.listGroupIssues(scope.group, query)
      : ctx.port.listIssues(scope.project, query);
  const yearAgo = new Date(ctx.now.getTime() - OUTCOME_WINDOW_DAYS * 86_400_000).toISOString();
  const [opened, closed] = [
    await list({ state: "opened" }),
    await list({ state: "closed", updatedAfter: yearAgo }),
  ];
  // A marker the bot did not sign is none: the dashboard then goes by the labels (state-check.ts).
  const signer = ctx.stateSigner;
  const checked = (issues: Issue[]) =>
    signer ? issues.map((issue) => withCheckedState(issue, signer)) : issues;
  return {
    config: ctx.config,
    now: ctx.now,
    today: dayOf(ctx.now, ctx.config.timezone),
    botId: ctx.bot.id,
    open: checked(opened.filter(isWorkflowIssue)),
    closed: checked(closed.filter(isWorkflowIssue)),
    followUps: opened.filter(
      (issue) =>
        !isWorkflowIssue(issue) && issue.author.id === ctx.bot.id && hasFollowUpMarker(issue.description),
    ),
  };
}

function isWorkflowIssue(issue: Issue): boolean {
  return workflowFor(issue.labels) !== undefined;
}
