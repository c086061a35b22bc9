import type { Issue, IssueQuery, ProjectRef } from "../gitlab/port.js";
import type { RunContext } from "../run/context.js";
import { type HistoryEntry, personHistory } from "./person-history.js";

export type HistoryScope = { project: ProjectRef } | { group: string };

/**
 * A person's history with one listing and no notes: every issue, open and closed, of the project (or
 * group), one request per 100 issues. GitLab cannot filter by a field of the data block, so the
 * listing is filtered here; the workflow label cannot narrow it either (labels combine with AND).
 */
export async function readPersonHistory(
  ctx: RunContext,
  scope: HistoryScope,
  username: string,
): Promise<HistoryEntry[]> {
  const query: IssueQuery = { state: "all" };
  const issues: Issue[] =
    "group" in scope
      ? await ctx.port.listGroupIssues(scope.group, query)
      : await ctx.port.listIssues(scope.project, query);
  return personHistory(issues, username, ctx.config.timezone);
}
