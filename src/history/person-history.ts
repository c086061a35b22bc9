import { stateMarkerPayload } from "../engine/dashboard-state.js";
import { readDataBlock } from "../engine/data-block.js";
import { type Day, dayOf } from "../engine/dates.js";
import { OUTCOME_PREFIX, STAGE_PREFIX } from "../engine/issue-labels.js";
import type { Issue } from "../gitlab/port.js";
import { workflowFor } from "../workflows/index.js";
import type { WorkflowDefinition } from "../workflows/types.js";

/**
 * A person's history: every workflow issue in which they are the team member, open and closed, read
 * from issue listings alone (the description holds the data block and the bot's state marker; the
 * labels hold the stage and the outcome). Only confidential issues count: career data is
 * confidential, and a history read from a public issue would repeat it wherever it is shown.
 */
export interface HistoryEntry {
  workflow: string;
  /** The workflow's title, e.g. "Promotion". */
  title: string;
  projectId: number;
  iid: number;
  url: string;
  state: "opened" | "closed";
  opened: Day;
  closed?: Day;
  /** The current stage's title (for a finished workflow, its final stage). */
  stage?: string;
  outcome?: string;
  /**
   * Who decided: the username the bot recorded when the outcome was reached (the accepted command's
   * author or the last ticker), else the roles the workflow gives that decision to.
   */
  decidedBy?: string;
}

const USERNAME = /^@?([A-Za-z0-9_][A-Za-z0-9_.-]*)$/;

/** The data block's `team_member`, as written (the block of a closed issue is not checked again). */
function teamMemberOf(issue: Issue): string | undefined {
  const block = readDataBlock(issue.description);
  if (block.kind !== "ok") return undefined;
  const value = (block.data as Record<string, unknown> | null)?.team_member;
  return typeof value === "string" ? USERNAME.exec(value.trim())?.[1] : undefined;
}

function labelValue(issue: Issue, prefix: string): string | undefined {
  return issue.labels.find((label) => label.startsWith(prefix))?.slice(prefix.length);
}

/** The state marker's `decidedBy`, when it is a plain username. */
function recordedDecider(issue: Issue): string | undefined {
  const state = stateMarkerPayload(issue.description) as Record<string, unknown> | undefined;
  const by = state?.decidedBy;
  return typeof by === "string" && USERNAME.test(by) ? by.replace(/^@/, "") : undefined;
}

/** The roles a workflow gives the decision that led to `outcome` (people ops may always decide). */
function decidingRoles(definition: WorkflowDefinition, outcome: string): string | undefined {
  const transition = definition.transitions.find((t) => t.outcome === outcome);
  if (!transition) return undefined;
  const gate = transition.when.find((g) => g.gate === "command");
  if (gate?.gate === "command") {
    const command = definition.commands.find((c) => c.verb === gate.verb);
    const roles = [...(command?.roles ?? []), "people_ops"];
    return [...new Set(roles)].map((role) => role.replace(/_/g, " ")).join(" or ");
  }
  if (transition.when.some((g) => g.gate === "checklistComplete")) {
    const stage = definition.stages.find((s) => s.id === transition.from);
    return stage?.actors.map((role) => role.replace(/_/g, " ")).join(" and ");
  }
  return undefined;
}

export function historyEntry(issue: Issue, timezone: string): HistoryEntry | undefined {
  const definition = workflowFor(issue.labels);
  if (!definition) return undefined;
  const stageId = labelValue(issue, STAGE_PREFIX);
  const outcome = labelValue(issue, OUTCOME_PREFIX);
  const stage = definition.stages.find((s) => s.id === stageId)?.title;
  const decidedBy = outcome ? (recordedDecider(issue) ?? decidingRoles(definition, outcome)) : undefined;
  return {
    workflow: definition.id,
    title: definition.title,
    projectId: issue.projectId,
    iid: issue.iid,
    url: issue.webUrl,
    state: issue.state,
    opened: dayOf(issue.createdAt, timezone),
    ...(issue.state === "closed" && issue.closedAt ? { closed: dayOf(issue.closedAt, timezone) } : {}),
    ...(stage ? { stage } : {}),
    ...(outcome ? { outcome } : {}),
    ...(decidedBy ? { decidedBy } : {}),
  };
}

/** Every confidential workflow issue whose team member is `username`, oldest first. */
export function personHistory(issues: readonly Issue[], username: string, timezone: string): HistoryEntry[] {
  const wanted = username.replace(/^@/, "").toLowerCase();
  return issues
    .filter((issue) => issue.confidential && teamMemberOf(issue)?.toLowerCase() === wanted)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.iid - b.iid)
    .flatMap((issue) => historyEntry(issue, timezone) ?? []);
}

export { teamMemberOf };
