import { addDays, type Day, dayOf } from "../engine/dates.js";
import type { Issue } from "../gitlab/port.js";
import type { WorkflowView } from "./view.js";

/** How far back a refused command still needs attention. */
export const REFUSAL_WINDOW_DAYS = 7;

export type AttentionKind = "overdue" | "needs-info" | "refused" | "follow-up";

/** One thing someone should look at: which issue, what, who it waits for, since when. */
export interface AttentionItem {
  kind: AttentionKind;
  issue: Issue;
  what: string;
  /** Usernames, raw (rendered without `@`). */
  waitsFor: string[];
  /** Undefined: overdue by its label, with no recorded day (listed last). */
  since?: Day;
}

/**
 * The four kinds of attention, from listings alone: appointments past their limit or end, data
 * blocks waiting for a fix, commands refused in the last 7 days, and follow-up issues still open.
 * Sorted by day, then issue, so the same input gives the same list.
 */
export function attentionItems(
  views: WorkflowView[],
  followUps: Issue[],
  today: Day,
  timezone: string,
  botId: number,
): AttentionItem[] {
  const items: AttentionItem[] = [];
  const firstRecent = addDays(today, -(REFUSAL_WINDOW_DAYS - 1));
  for (const view of views) {
    if (view.issue.state !== "opened") continue;
    const owners = view.actors.length > 0 ? view.actors : view.member ? [view.member] : [];
    if (view.overdue)
      items.push(
        item(
          "overdue",
          view,
          `${view.definition.title} past its limit or planned end`,
          owners,
          view.overdueSince,
        ),
      );
    if (view.needsInfo)
      items.push(
        item("needs-info", view, "the data block needs fixing", fixers(view, botId), view.needsInfo),
      );
    for (const refusal of view.state?.refused ?? []) {
      if (refusal.day < firstRecent || refusal.day > today) continue;
      items.push(item("refused", view, `refused command: career ${refusal.verb}`, [refusal.by], refusal.day));
    }
  }
  for (const issue of followUps) {
    items.push({
      kind: "follow-up",
      issue,
      what: `follow-up still open: ${issue.title}`,
      waitsFor: issue.assignees.map((a) => a.username).sort(),
      since: dayOf(issue.createdAt, timezone),
    });
  }
  return items.sort(
    (a, b) =>
      (a.since ?? "~").localeCompare(b.since ?? "~") ||
      a.issue.projectId - b.issue.projectId ||
      a.issue.iid - b.issue.iid ||
      a.kind.localeCompare(b.kind) ||
      a.what.localeCompare(b.what),
  );
}

/**
 * Who fixes a data block: its author, unless the bot opened the issue (a conversation issue, say),
 * which cannot fix it; then the people the state marker names (who acts, else the member, for a
 * conversation issue the manager), else the assignees.
 */
function fixers(view: WorkflowView, botId: number): string[] {
  if (view.issue.author.id !== botId) return [view.issue.author.username];
  if (view.actors.length > 0) return view.actors;
  if (view.member) return [view.member];
  return view.issue.assignees.map((a) => a.username).sort();
}

function item(
  kind: AttentionKind,
  view: WorkflowView,
  what: string,
  waitsFor: string[],
  since: Day | undefined,
): AttentionItem {
  return { kind, issue: view.issue, what, waitsFor, ...(since ? { since } : {}) };
}
