import type { Issue } from "../gitlab/port.js";
import type { RunContext } from "../run/context.js";
import { reconcileIssues } from "../run/reconcile.js";
import type { RunSummary } from "../run/summary.js";
import { workflowFor } from "../workflows/index.js";
import { currentDashboard } from "./decide.js";
import { keepDashboard } from "./keep.js";
import { recheckTicked } from "./lifecycle-text.js";
import type { DashboardTarget } from "./target.js";

/**
 * Whether a person asked, by ticking the box on the dashboard, for every open workflow to be
 * reconciled now. Who may: whoever may edit the dashboard's description, which GitLab restricts
 * (a confidential issue is visible to Planner and above and its author, and editing takes the
 * "update issue" permission); the bot adds no check of its own. A non-confidential dashboard is
 * not acted on: the bot does not update it, so the box would stay ticked and every event would
 * re-check everything again.
 */
export function recheckRequested(found: Issue[], botId: number): boolean {
  const dashboard = currentDashboard(found, botId);
  return dashboard?.confidential === true && recheckTicked(dashboard.description);
}

/**
 * The re-check outside a sweep (`handle` of a person's event on the dashboard): every open workflow of the
 * dashboard's scope is reconciled as a sweep would, then the dashboard is rewritten, unticked (the
 * content always renders the box unticked). The bot's own rewrite cannot start it again: events
 * the bot caused are ignored before this, and the rewritten box is unticked anyway.
 */
export async function recheckEverything(
  ctx: RunContext,
  target: Extract<DashboardTarget, { kind: "on" }>,
  found: Issue[],
  summary: RunSummary,
  secrets: string[],
): Promise<void> {
  const { scope } = target;
  const open = await ("group" in scope
    ? ctx.port.listGroupIssues(scope.group, { state: "opened" })
    : ctx.port.listIssues(scope.project, { state: "opened" }));
  const workflows = open
    .filter((issue) => workflowFor(issue.labels) !== undefined)
    .sort((a, b) => a.projectId - b.projectId || a.iid - b.iid);
  summary.issuesSeen += workflows.length;
  // A person asked for everything to be looked at again, the people of each workflow included.
  await reconcileIssues(ctx, workflows, summary, { secrets, verifyUsers: () => true });
  const outcome = await keepDashboard(ctx, target, found);
  recordDashboard(summary, outcome);
}

/** The dashboard's writes count in the summary like any issue's; its remark becomes a summary line. */
export function recordDashboard(
  summary: RunSummary,
  outcome: { writes: RunSummary["issues"][number]["writes"]; line?: string },
): void {
  if (outcome.writes.length > 0)
    summary.issues.push({ ref: "dashboard", workflow: "dashboard", writes: outcome.writes });
  if (outcome.line) addNotice(summary, outcome.line);
}

/** A line for people in the run's summary (neither a write nor a failure). */
export function addNotice(summary: RunSummary, line: string): void {
  summary.notices = [...(summary.notices ?? []), line];
}
