import type { Issue, ProjectRef } from "../gitlab/port.js";
import type { RunContext } from "../run/context.js";
import { buildDashboard } from "./build.js";
import { currentDashboard, decideDashboard } from "./decide.js";
import { type DashboardOutcome, ensureDashboard } from "./ensure.js";
import { DASHBOARD_LABEL } from "./input.js";
import { readDashboardInput } from "./read.js";
import type { DashboardTarget } from "./target.js";

/**
 * Every issue carrying the dashboard label in the project, any state: one request (there are only
 * ever a few). A deleted dashboard is simply not listed.
 */
export function findDashboards(ctx: RunContext, project: ProjectRef): Promise<Issue[]> {
  return ctx.port.listIssues(project, { labels: [DASHBOARD_LABEL], state: "all" });
}

/**
 * read -> build -> decide -> apply for the dashboard. `found` is what `findDashboards` answered at
 * the start of the run (the re-check box is read from it); the workflows were reconciled since, so
 * the content is read now, after them.
 */
export async function keepDashboard(
  ctx: RunContext,
  target: Extract<DashboardTarget, { kind: "on" }>,
  found: Issue[],
): Promise<DashboardOutcome> {
  const input = await readDashboardInput(ctx, target.scope);
  const content = buildDashboard(input);
  const decision = decideDashboard({ found, content, title: ctx.config.dashboard.title, botId: ctx.bot.id });
  return ensureDashboard(ctx, target.project, decision, currentDashboard(found, ctx.bot.id));
}
