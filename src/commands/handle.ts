import { UsageError } from "../errors.js";
import { InvalidPayloadError, parseEvent } from "../gitlab/events.js";
import type { RunContext } from "../run/context.js";
import { processIssue } from "../run/process-issue.js";
import { errorLine } from "../run/safe-error.js";
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
  const reason = await ignoreReason(ctx, payload, options);
  if (typeof reason === "string") {
    summary.ignored = reason;
    return summary;
  }
  const { projectId, iid } = reason;
  summary.issuesSeen = 1;
  const ref = `${projectId}#${iid}`;
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
    summary.failures.push({ ref, error: errorLine(error, options.secrets) });
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

/** Why an event is not for the bot (one line), or the issue it is about. */
async function ignoreReason(
  ctx: RunContext,
  payload: string,
  options: HandleOptions,
): Promise<string | { projectId: number; iid: number }> {
  const event = parse(payload);
  if (event.kind === "ignored") return event.reason;
  if (!sameProject(options.project, event.projectId, event.projectPath)) {
    return `event from another project (${event.projectPath || event.projectId})`;
  }
  if (event.user.username.toLowerCase() === ctx.bot.username.toLowerCase() || event.user.id === ctx.bot.id) {
    return "event caused by the bot itself";
  }
  if (event.kind === "note" && event.system) return "system note";
  if (!event.labels.some((label) => label.startsWith(WORKFLOW_LABEL_PREFIX))) {
    return `issue #${event.iid} has no ${WORKFLOW_LABEL_PREFIX} workflow label`;
  }
  return { projectId: event.projectId, iid: event.iid };
}

function sameProject(configured: string, id: number, path: string): boolean {
  if (/^\d+$/.test(configured)) return Number(configured) === id;
  return configured.toLowerCase() === path.toLowerCase();
}
