import type { Issue } from "../gitlab/port.js";
import type { RunContext } from "./context.js";
import { processIssue } from "./process-issue.js";
import { errorLine } from "./safe-error.js";
import type { RunSummary } from "./summary.js";

/**
 * read -> decide -> apply for each issue in turn, as the sweep does it: one issue failing is listed
 * in the summary and the others go on. Shared by the sweep and by the dashboard's re-check box.
 */
export async function reconcileIssues(
  ctx: RunContext,
  issues: Issue[],
  summary: RunSummary,
  options: { secrets: string[]; verifyUsers: (issue: Issue) => boolean },
): Promise<void> {
  for (const [index, issue] of issues.entries()) {
    const ref = issueKey(issue);
    ctx.reporter.beginIssue?.(ref, issue);
    try {
      const outcome = await processIssue(ctx, issue.projectId, issue, {
        verifyUsers: options.verifyUsers(issue),
      });
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
}

/** `projectId#iid`: how summaries name an issue. */
export function issueKey(issue: Pick<Issue, "projectId" | "iid">): string {
  return `${issue.projectId}#${issue.iid}`;
}
