import { DASHBOARD_LABEL } from "../dashboard/input.js";
import { actingManager } from "./acting-manager.js";
import { apprenticeship } from "./apprenticeship.js";
import { conversation } from "./conversation.js";
import { interimManager } from "./interim-manager.js";
import { lateralTransfer } from "./lateral-transfer.js";
import { managementTrial } from "./management-trial.js";
import { onLoan } from "./on-loan.js";
import { promotion } from "./promotion.js";
import type { WorkflowDefinition } from "./types.js";

/** Every workflow the bot runs, by its `career::` label, in the order of SPEC section 6. */
export const workflows: WorkflowDefinition[] = [
  interimManager,
  actingManager,
  apprenticeship,
  promotion,
  onLoan,
  lateralTransfer,
  managementTrial,
  conversation,
] as unknown as WorkflowDefinition[];

export const WORKFLOW_LABEL_PREFIX = "career::";

/**
 * The workflow an issue belongs to: the first `career::` label the bot knows. The dashboard issue
 * belongs to none, even when a person adds a `career::` label to it: run as a workflow, the bot
 * would write a section, labels and notes into the dashboard it rewrites whole on every sweep.
 */
export function workflowFor(labels: string[]): WorkflowDefinition | undefined {
  if (labels.some((label) => label.toLowerCase() === DASHBOARD_LABEL)) return undefined;
  return workflows.find((w) => labels.includes(w.label));
}
