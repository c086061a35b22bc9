import type { WorkflowContext, WorkflowDefinition } from "../workflows/types.js";
import type { ChecklistLine, SectionModel } from "./actions.js";
import { ANNOTATION_SEPARATOR } from "./checklist.js";
import { availableCommands } from "./command-judge.js";
import { usage } from "./command-parse.js";
import type { Day } from "./dates.js";
import { stageDiagram } from "./diagram.js";
import { type RoleMap, rolesWithPeople } from "./roles.js";
import { contextOf, type DefinitionInput, stageOf, tickersOf, type WorkflowState } from "./workflow-state.js";

/** The status section for a workflow that is running. */
export function sectionModel(
  input: DefinitionInput,
  roles: RoleMap,
  state: WorkflowState,
  today: Day,
  extras: { overdue: boolean; checkpoint?: { day: string; label: string } },
): SectionModel {
  const { definition } = input;
  const stage = stageOf(definition, state.stage);
  const ctx = contextOf(input, state, today);
  const checklist: ChecklistLine[] = (stage.checklist?.(ctx) ?? []).map((item) => {
    const tickers = rolesWithPeople(roles, tickersOf(stage, item));
    const tick = state.ticks.get(item.text);
    if (!tick?.completed) return { text: item.text, ticked: false, tickers };
    const note = tick.counts ? `ticked by ${tick.by}` : `ticked by ${tick.by}, which does not count`;
    return { text: item.text, ticked: true, note: `${ANNOTATION_SEPARATOR.trim()} ${note}`, tickers };
  });
  return {
    workflow: definition.title,
    stageId: stage.id,
    stage: stage.title,
    outcome: state.outcome,
    needsInfo: false,
    problems: [],
    overdue: extras.overdue,
    checkpoint: extras.checkpoint,
    diagram: stageDiagram(definition, stage.id),
    ...pictureOf(definition, ctx),
    guidance: stage.guidance,
    checklist,
    summary: definition.summary?.(ctx as never) ?? [],
    commands: availableCommands(definition, state).map((c) => `\`${usage(c)}\`: ${c.help}`),
  };
}

/** The workflow's picture, when it draws one for this data (a promotion on the ladders, say). */
function pictureOf(definition: WorkflowDefinition, ctx: WorkflowContext) {
  const picture = definition.picture?.(ctx as never);
  return picture ? { picture } : {};
}

/** The status section while the data block needs fixing. */
export function needsInfoSection(
  definition: WorkflowDefinition,
  stageId: string | undefined,
  problems: string[],
): SectionModel {
  const stage = stageId ? definition.stages.find((s) => s.id === stageId) : undefined;
  return {
    workflow: definition.title,
    stageId: stage?.id ?? "",
    stage: stage?.title ?? "Not started",
    needsInfo: true,
    problems,
    overdue: false,
    diagram: stageDiagram(definition, stage?.id),
    checklist: [],
    summary: [],
    commands: [],
  };
}
