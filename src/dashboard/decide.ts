import type { Issue } from "../gitlab/port.js";
import type { DashboardContent } from "./input.js";
import { sameText } from "./lifecycle-text.js";
import { PUBLIC_DASHBOARD_TEXT } from "./public-text.js";

/** What to do with the dashboard issue on this run; no I/O, the caller applies it (ensure.ts). */
export type DashboardDecision =
  /** No open dashboard: make one. `previous` is the newest closed one, when there is one. */
  | { kind: "create"; title: string; description: string; previous?: number }
  | { kind: "update"; iid: number; title?: string; description?: string }
  /** Identical already: a quiet day writes nothing. */
  | { kind: "nothing"; iid: number }
  /**
   * A person made it non-confidential: replace its content with PUBLIC_DASHBOARD_TEXT (`description`,
   * absent when it already reads so), warn once, and keep it so until it is confidential again.
   */
  | { kind: "not-confidential"; iid: number; description?: string };

export interface DashboardFacts {
  /** Issues carrying DASHBOARD_LABEL, any state (a deleted one is simply not among them). */
  found: Issue[];
  content: DashboardContent;
  /** `dashboard.title` of the config. */
  title: string;
  botId: number;
}

/**
 * Decides the dashboard's fate.
 *
 * - Only issues the bot opened count: anyone with Planner access can put the label on an issue of
 *   theirs, and the bot would otherwise rewrite that person's description whole.
 * - A closed (or deleted) dashboard is recreated, not reopened. Reopening would keep its history,
 *   but a person closed it deliberately; a fresh one is what "recreated on the next sweep" promises
 *   and leaves the closed one as they left it.
 * - Of several open ones (two sweeps racing to create it), the oldest is the dashboard.
 * - A dashboard everybody can read shows nothing private; being confidential again restores it,
 *   since its text then differs from the content like any stale dashboard's.
 */
export function decideDashboard(facts: DashboardFacts): DashboardDecision {
  const own = facts.found.filter((issue) => issue.author.id === facts.botId);
  const current = currentDashboard(facts.found, facts.botId);
  if (!current) {
    const closed = own.filter((issue) => issue.state === "closed").sort((a, b) => b.iid - a.iid);
    return {
      kind: "create",
      title: facts.title,
      description: facts.content.markdown,
      ...(closed[0] ? { previous: closed[0].iid } : {}),
    };
  }
  if (!current.confidential) {
    const blank = sameText(current.description, PUBLIC_DASHBOARD_TEXT)
      ? {}
      : { description: PUBLIC_DASHBOARD_TEXT };
    return { kind: "not-confidential", iid: current.iid, ...blank };
  }
  const title = current.title === facts.title ? undefined : facts.title;
  const description = sameText(current.description, facts.content.markdown)
    ? undefined
    : facts.content.markdown;
  if (title === undefined && description === undefined) return { kind: "nothing", iid: current.iid };
  return {
    kind: "update",
    iid: current.iid,
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
  };
}

/** The open dashboard the bot keeps: the oldest open issue of its own that carries the label. */
export function currentDashboard(found: Issue[], botId: number): Issue | undefined {
  return found
    .filter((issue) => issue.author.id === botId && issue.state === "opened")
    .sort((a, b) => a.iid - b.iid)[0];
}
