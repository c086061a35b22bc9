import type { EarlierWorkflow } from "../engine/earlier.js";
import type { Issue, ProjectRef } from "../gitlab/port.js";
import type { RunContext } from "../run/context.js";
import { type HistoryEntry, personHistory, teamMemberOf } from "./person-history.js";

/** A history entry as the new workflow's section shows it (src/engine/earlier.ts). */
export function asEarlier(entry: HistoryEntry): EarlierWorkflow {
  return entry.outcome
    ? { iid: entry.iid, title: entry.title, outcome: entry.outcome, day: entry.closed ?? entry.opened }
    : {
        iid: entry.iid,
        title: entry.title,
        ...(entry.stage ? { stage: entry.stage } : {}),
        day: entry.opened,
      };
}

/**
 * The team member's workflows opened before this one, from one listing of the project's issues (open
 * and closed, no notes). Run only when the workflow starts (`startsWorkflow`); an issue without a
 * readable team member costs nothing.
 */
export async function listEarlier(
  ctx: RunContext,
  project: ProjectRef,
  issue: Issue,
): Promise<EarlierWorkflow[] | undefined> {
  const member = teamMemberOf(issue);
  if (member === undefined) return undefined;
  const issues = await ctx.port.listIssues(project, { state: "all" });
  const opened = Date.parse(issue.createdAt);
  // Opened before this one; of two opened in the same instant, the lower iid came first.
  const before = issues.filter((other) => {
    const at = Date.parse(other.createdAt);
    return at < opened || (at === opened && other.iid < issue.iid);
  });
  return personHistory(before, member, ctx.config.timezone).map(asEarlier);
}
