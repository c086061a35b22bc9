import { DASHBOARD_LABEL } from "../dashboard/input.js";
import type { WorkflowDefinition } from "../workflows/types.js";

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

/* One color per kind, so a board or an issue list reads at a glance. */
const COLORS = {
  workflow: "#1f75cb",
  stage: "#6699cc",
  outcome: "#108548",
  needsInfo: "#e9be74",
  overdue: "#dd2b0e",
  status: "#c17d10",
  dashboard: "#5c5c5c",
} as const;

const STATUS: Record<string, { color: string; description: string }> = {
  "career-status::needs-info": {
    color: COLORS.needsInfo,
    description: "The data block is missing or invalid; career-bot's comment says what to fix.",
  },
  "career-status::overdue": {
    color: COLORS.overdue,
    description: "A time limit has passed (for example the interim period's maximum).",
  },
};

/** GitLab keeps label descriptions short in lists; longer ones are cut with an ellipsis. */
const MAX_DESCRIPTION = 255;

/**
 * Every label of SPEC section 3, derived from the workflow definitions so a new stage or outcome
 * gets its label from the next `setup` without a list to keep in step.
 */
export function labelCatalogue(definitions: readonly WorkflowDefinition[]): LabelSpec[] {
  const stages = new Map<string, { titles: Set<string>; workflows: string[] }>();
  const outcomes = new Map<string, string[]>();
  const statuses = new Set(Object.keys(STATUS));
  for (const definition of definitions) {
    for (const stage of definition.stages) {
      const entry = stages.get(stage.id) ?? { titles: new Set(), workflows: [] };
      entry.titles.add(stage.title);
      entry.workflows.push(definition.title);
      stages.set(stage.id, entry);
    }
    for (const transition of definition.transitions) {
      if (!transition.outcome) continue;
      const list = outcomes.get(transition.outcome) ?? [];
      if (!list.includes(definition.title)) list.push(definition.title);
      outcomes.set(transition.outcome, list);
    }
    for (const reminder of definition.reminders) {
      if (reminder.label?.startsWith("career-status::")) statuses.add(reminder.label);
    }
  }
  const labels: LabelSpec[] = definitions.map((definition) => ({
    name: definition.label,
    color: COLORS.workflow,
    description: `Workflow: ${definition.title}. Adding this label starts it; career-bot guides the issue from there.`,
  }));
  for (const [id, { titles, workflows }] of stages) {
    labels.push({
      name: `career-stage::${id}`,
      color: COLORS.stage,
      description: `Stage "${[...titles].join('" / "')}" of ${workflows.join(", ")}. Set by career-bot; one stage at a time.`,
    });
  }
  for (const [outcome, workflows] of outcomes) {
    labels.push({
      name: `career-outcome::${outcome}`,
      color: COLORS.outcome,
      description: `How the workflow ended: ${outcome} (${workflows.join(", ")}). Set by career-bot.`,
    });
  }
  for (const name of statuses) {
    const known = STATUS[name];
    labels.push({
      name,
      color: known?.color ?? COLORS.status,
      description: known?.description ?? "A status career-bot sets while it holds.",
    });
  }
  // Made whether or not the dashboard is on: a label costs nothing, and switching it on later then
  // needs no second setup. The REST API would create it on the fly, but grey and without a word.
  labels.push({
    name: DASHBOARD_LABEL,
    color: COLORS.dashboard,
    description:
      "The dashboard issue career-bot keeps: every running workflow at a glance. Not a workflow; rewritten by every sweep.",
  });
  return labels.map((label) => ({ ...label, description: clip(label.description) }));
}

function clip(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}
