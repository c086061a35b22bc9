import type { Day } from "../engine/dates.js";
import { dayOf } from "../engine/dates.js";
import { NEEDS_INFO, OUTCOME_PREFIX, OVERDUE, STAGE_PREFIX } from "../engine/issue-labels.js";
import type { Issue } from "../gitlab/port.js";
import { workflowFor } from "../workflows/index.js";
import type { WorkflowDefinition } from "../workflows/types.js";
import { type DashboardState, readState } from "./state.js";

/**
 * One workflow issue as the dashboard sees it: the bot's state marker when there is one that checks
 * out, else what the labels and the due date say (an issue the bot has not updated since the marker
 * came, or one whose marker was tampered with). Values are raw here; the renderers make them safe.
 */
export interface WorkflowView {
  issue: Issue;
  definition: WorkflowDefinition;
  /** From the marker; undefined: the dashboard fell back to labels. */
  state?: DashboardState;
  stageId: string;
  stageTitle: string;
  since?: Day;
  next?: { label: string; day: Day };
  actors: string[];
  member?: string;
  needsInfo?: Day;
  /** The day a limit or planned end passed, for an open appointment that is past it. */
  overdueSince?: Day;
  /** Past its limit or planned end (dated by `overdueSince` when a day is known). */
  overdue?: true;
  outcome?: string;
  closedDay?: Day;
}

export function viewOf(issue: Issue, timezone: string, today: Day): WorkflowView | undefined {
  const definition = workflowFor(issue.labels);
  if (!definition) return undefined;
  const state = readState(issue, definition);
  const labelStage = issue.labels.find((l) => l.startsWith(STAGE_PREFIX))?.slice(STAGE_PREFIX.length);
  const stageId = state?.stage || labelStage || "";
  const stage = definition.stages.find((s) => s.id === stageId);
  const view: WorkflowView = {
    issue,
    definition,
    stageId,
    stageTitle: stage?.title ?? (stageId === "" ? "Not started" : stageId),
    actors: state?.actors ?? [],
  };
  if (state) view.state = state;
  if (state?.since) view.since = state.since;
  const next = state?.next ?? (issue.dueDate ? { label: "due", day: issue.dueDate } : undefined);
  if (next) view.next = next;
  if (state?.member) view.member = state.member;
  const needsInfo =
    state?.needsInfo ?? (issue.labels.includes(NEEDS_INFO) ? dayOf(issue.updatedAt, timezone) : undefined);
  if (needsInfo) view.needsInfo = needsInfo;
  const outcome =
    state?.outcome ?? issue.labels.find((l) => l.startsWith(OUTCOME_PREFIX))?.slice(OUTCOME_PREFIX.length);
  if (outcome) view.outcome = outcome;
  if (issue.state === "closed") view.closedDay = dayOf(issue.closedAt ?? issue.updatedAt, timezone);
  const overdue = overdueSince(issue, state, today, stage?.final === true);
  if (overdue !== undefined) view.overdue = true;
  if (overdue) view.overdueSince = overdue;
  return view;
}

/**
 * An open appointment past its limit, or past its planned end without being wrapped up; the
 * overdue label (set by the bot's limit reminder) counts too. The bot's limit reminder fires on the
 * limit day itself (a reminder is due on its day), so that day counts as passed; a planned end is the
 * appointment's last day, so it has passed only the day after. `null`: overdue (the label says so)
 * but no recorded day to date it by. Never `today` or a later day: the day must not move, else the
 * dashboard would change (and be written) every day, and a future day is not "since".
 */
function overdueSince(
  issue: Issue,
  state: DashboardState | undefined,
  today: Day,
  final: boolean,
): Day | null | undefined {
  if (issue.state !== "opened" || final) return undefined;
  const limit = state?.period?.limit;
  const end = state?.period?.end;
  const passed = [
    limit !== undefined && limit <= today ? limit : undefined,
    end !== undefined && end < today ? end : undefined,
  ].filter((d): d is Day => d !== undefined);
  if (passed.length > 0) return passed.sort()[0];
  if (!issue.labels.includes(OVERDUE)) return undefined;
  // The due date the bot keeps is the next checkpoint when one is ahead, so only a passed one dates it.
  return issue.dueDate && issue.dueDate <= today ? issue.dueDate : null;
}

/** Views of the issues, in a stable order: workflow, project, iid. */
export function viewsOf(issues: Issue[], timezone: string, today: Day): WorkflowView[] {
  return issues
    .flatMap((issue) => viewOf(issue, timezone, today) ?? [])
    .sort((a, b) => a.issue.projectId - b.issue.projectId || a.issue.iid - b.issue.iid);
}
