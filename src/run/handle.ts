import { DASHBOARD_LABEL } from "../dashboard/input.js";
import { findDashboards } from "../dashboard/keep.js";
import { recheckEverything, recheckRequested } from "../dashboard/recheck.js";
import { dashboardTarget } from "../dashboard/target.js";
import { UsageError } from "../errors.js";
import { InvalidPayloadError, parseEvent } from "../gitlab/events.js";
import type { RunContext } from "../run/context.js";
import { failureOf } from "../run/failure.js";
import { processIssue } from "../run/process-issue.js";
import { emptySummary, type RunSummary } from "../run/summary.js";
import { WORKFLOW_LABEL_PREFIX } from "../workflows/index.js";

export interface HandleOptions {
  /** The configured project, id or path: events from any other project are ignored. */
  project: string;
  secrets: string[];
}

/**
 * One webhook event. The event only says which issue to look at (level-triggered): the issue is
 * read fresh and reconciled exactly as a sweep would, so a duplicate or late event changes nothing.
 */
export async function handle(ctx: RunContext, payload: string, options: HandleOptions): Promise<RunSummary> {
  const summary = emptySummary("handle", ctx.dryRun);
  const event = personEvent(ctx, payload, options);
  if (typeof event === "string") {
    summary.ignored = event;
    return summary;
  }
  const reason = ignoreReason(event);
  if (typeof reason === "string") {
    // Ticking the box edits the dashboard, and that edit is the event that asks for the re-check
    // (a system note on it is not: GitLab's own notes would start a second re-check). A workflow's
    // events never look at the dashboard, so they cost no request for it.
    const rechecked =
      isDashboardEvent(event) && !isSystemNote(event) && (await dashboardRecheck(ctx, summary, options));
    if (!rechecked) summary.ignored = reason;
    return summary;
  }
  const { projectId, iid } = reason;
  const ref = `${projectId}#${iid}`;
  summary.issuesSeen += 1;
  let began = false;
  try {
    const issue = await ctx.port.getIssue(projectId, iid);
    // The section opens once the title is known: it heads the section in the job log.
    ctx.reporter.beginIssue?.(ref, issue);
    began = true;
    const outcome = await processIssue(ctx, projectId, issue, { verifyUsers: true });
    if (outcome.skipped) summary.ignored = `${ref}: ${outcome.skipped}`;
    else summary.issues.push(outcome);
  } catch (error) {
    summary.failures.push(failureOf(ref, error, options.secrets));
  }
  if (began) ctx.reporter.endIssue?.(ref);
  return summary;
}

/** Throws a UsageError (exit 2) when the event is not a GitLab webhook body, before any request. */
export function checkPayload(payload: string): void {
  parse(payload);
}

function parse(payload: string): ReturnType<typeof parseEvent> {
  try {
    return parseEvent(payload);
  } catch (error) {
    // A malformed event is bad input to the command: exit 2 with what is wrong.
    if (error instanceof InvalidPayloadError) throw new UsageError(`invalid event: ${error.message}`);
    throw error;
  }
}

type ProjectEvent = Exclude<ReturnType<typeof parseEvent>, { kind: "ignored" }>;

/** Why an event is nothing to the bot at all (one line), or the event: a person's, in the project. */
function personEvent(ctx: RunContext, payload: string, options: HandleOptions): string | ProjectEvent {
  const event = parse(payload);
  if (event.kind === "ignored") return event.reason;
  if (!sameProject(options.project, event.projectId, event.projectPath)) {
    return `event from another project (${event.projectPath || event.projectId})`;
  }
  // This also keeps the bot's own writes (the dashboard's untick among them) from starting anything.
  if (event.user.username.toLowerCase() === ctx.bot.username.toLowerCase() || event.user.id === ctx.bot.id) {
    return "event caused by the bot itself";
  }
  return event;
}

/**
 * A person's event on the dashboard looks at its re-check box (one request): ticked, every open
 * workflow is reconciled now. Says whether it re-checked. A tick whose webhook was lost
 * is found by the next sweep, which reads the box too.
 */
async function dashboardRecheck(
  ctx: RunContext,
  summary: RunSummary,
  options: HandleOptions,
): Promise<boolean> {
  const target = dashboardTarget(ctx.config, { project: options.project });
  if (target.kind !== "on") return false;
  try {
    const found = await findDashboards(ctx, target.project);
    if (!recheckRequested(found, ctx.bot.id)) return false;
    await recheckEverything(ctx, target, found, summary, options.secrets);
    return true;
  } catch (error) {
    summary.failures.push(failureOf("dashboard", error, options.secrets));
    return false;
  }
}

function isSystemNote(event: ProjectEvent): boolean {
  return event.kind === "note" && event.system;
}

function isDashboardEvent(event: ProjectEvent): boolean {
  return event.labels.some((label) => label.toLowerCase() === DASHBOARD_LABEL);
}

/** Why the event's issue is not the bot's to reconcile (one line), or the issue it is about. */
function ignoreReason(event: ProjectEvent): string | { projectId: number; iid: number } {
  if (isSystemNote(event)) return "system note";
  if (isDashboardEvent(event)) {
    return `issue #${event.iid} is the dashboard, not a workflow`;
  }
  if (!event.labels.some((label) => label.startsWith(WORKFLOW_LABEL_PREFIX))) {
    return `issue #${event.iid} has no ${WORKFLOW_LABEL_PREFIX} workflow label`;
  }
  return { projectId: event.projectId, iid: event.iid };
}

function sameProject(configured: string, id: number, path: string): boolean {
  if (/^\d+$/.test(configured)) return Number(configured) === id;
  return configured.toLowerCase() === path.toLowerCase();
}
