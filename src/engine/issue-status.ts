import type { Issue } from "../gitlab/port.js";
import type { Stage } from "../workflows/types.js";
import type { Action } from "./actions.js";
import { nextCheckpoint, overdueDay, reminderLabels } from "./checkpoints.js";
import { type DashboardState, runningState } from "./dashboard-state.js";
import type { Day } from "./dates.js";
import { type EarlierWorkflow, earlierLine } from "./earlier.js";
import { labelActions, NEEDS_INFO, OUTCOME_PREFIX, OVERDUE, STAGE_PREFIX } from "./issue-labels.js";
import type { RoleMap } from "./roles.js";
import { sectionModel } from "./section.js";
import type { DefinitionInput, WorkflowState } from "./workflow-state.js";

/** The labels, the status section and the due date that show where the workflow stands. */
export function statusActions(
  input: DefinitionInput,
  roles: RoleMap,
  issue: Issue,
  stage: Stage,
  state: WorkflowState,
  today: Day,
  refused: DashboardState["refused"] = [],
  earlier: EarlierWorkflow[] = [],
): Action[] {
  const labels = [STAGE_PREFIX + stage.id, ...reminderLabels(input, state, today)];
  if (stage.final && state.outcome) labels.push(OUTCOME_PREFIX + state.outcome);
  const checkpoint = nextCheckpoint(input, state, today);
  const overdue = overdueDay(input, state, today);
  const model = sectionModel(input, roles, state, today, { overdue: overdue !== undefined, checkpoint });
  const line = earlierLine(earlier);
  const section = {
    ...model,
    ...(line ? { summary: [...model.summary, line] } : {}),
    state: runningState(input, roles, state, today, refused, earlier),
  };
  const actions: Action[] = [
    ...labelActions(issue.labels, labels, [NEEDS_INFO, OVERDUE]),
    { kind: "section", model: section },
  ];
  const dueDate = checkpoint?.day ?? overdue ?? null;
  if (dueDate !== issue.dueDate) actions.push({ kind: "due-date", date: dueDate });
  return actions;
}

/** Close once, when the outcome is first reached; a person who reopens the issue keeps it open. */
export function closeAction(issue: Issue, stage: Stage, state: WorkflowState): Action[] {
  const outcomeLabel = state.outcome ? OUTCOME_PREFIX + state.outcome : undefined;
  const first = outcomeLabel !== undefined && !issue.labels.includes(outcomeLabel);
  return stage.final && issue.state === "opened" && first ? [{ kind: "close" }] : [];
}
