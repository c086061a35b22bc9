import type { Stage, WorkflowContext, WorkflowDefinition } from "../workflows/types.js";
import type { TemplateData } from "./actions.js";
import { dueReminders } from "./checkpoints.js";
import type { Day } from "./dates.js";
import type { NoteDraft } from "./note-drafts.js";
import { peopleIn, type RoleMap } from "./roles.js";
import type { DefinitionInput, WorkflowState } from "./workflow-state.js";

/** The notes a stage posts when it is entered, once per visit. */
export function entryNotes(
  definition: WorkflowDefinition,
  stage: Stage,
  state: WorkflowState,
  ctx: WorkflowContext,
  data: TemplateData,
  roles: RoleMap,
): NoteDraft[] {
  return (stage.onEnter?.notes ?? [])
    .filter((effect) => !effect.when || definition.conditions[effect.when]?.(ctx as never))
    .map((effect) => ({
      key: `enter:${stage.id}#${state.visit}:${effect.template.replace(/\//g, ".")}`,
      template: effect.template,
      data,
      mentions: peopleIn(roles, effect.mention),
    }));
}

/** The reminders whose day has come, once per occurrence. */
export function reminderNotes(
  input: DefinitionInput,
  state: WorkflowState,
  today: Day,
  data: TemplateData,
  roles: RoleMap,
): NoteDraft[] {
  return dueReminders(input, state, today).map((due) => ({
    key: `remind:${due.key}`,
    template: due.reminder.note.template,
    data: { ...data, day: due.day },
    mentions: peopleIn(roles, due.reminder.note.mention),
  }));
}
