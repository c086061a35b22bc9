import type { WorkflowDefinition } from "../workflows/types.js";
import type { Action, TemplateData } from "./actions.js";
import { peopleIn, type RoleMap } from "./roles.js";
import type { Snapshot } from "./snapshot.js";
import type { WorkflowState } from "./workflow-state.js";

/** The follow-up issues of every stage visited so far that the bot has not opened yet. */
export function followUps(
  definition: WorkflowDefinition,
  state: WorkflowState,
  snapshot: Snapshot,
  roles: RoleMap,
  data: TemplateData,
  posted: ReadonlySet<string>,
): Action[] {
  const visited = new Set(state.history.map((h) => h.stage));
  return definition.stages
    .filter((s) => visited.has(s.id))
    .flatMap((s) => s.onEnter?.followUps ?? [])
    .filter((f) => !posted.has(`followup:${f.key}`))
    .map((f) => ({
      kind: "follow-up" as const,
      key: f.key,
      titleTemplate: f.titleTemplate,
      template: f.template,
      data,
      assigneeIds: f.assignees
        .flatMap((role) => roles[role] ?? [])
        .flatMap((name) => {
          const user = snapshot.users.get(name);
          return user ? [user.id] : [];
        }),
      mentions: peopleIn(roles, f.assignees),
    }));
}
