import { interimManager } from "./interim-manager.js";
import type { WorkflowDefinition } from "./types.js";

/** Every workflow the bot runs, by its `career::` label. */
export const workflows: WorkflowDefinition[] = [interimManager as unknown as WorkflowDefinition];

export const WORKFLOW_LABEL_PREFIX = "career::";

/** The workflow an issue belongs to: the first `career::` label the bot knows. */
export function workflowFor(labels: string[]): WorkflowDefinition | undefined {
  return workflows.find((w) => labels.includes(w.label));
}
