import type { Config } from "../config/schema.js";
import type { Issue } from "../gitlab/port.js";
import type { WorkflowDefinition } from "../workflows/types.js";
import type { BotHistory } from "./bot-history.js";
import { NEEDS_INFO } from "./issue-labels.js";
import { noteKey } from "./markers.js";
import { type NoteDraft, textHash } from "./note-drafts.js";

/** The issue as note templates name it. */
export function issueData(issue: Issue, definition: WorkflowDefinition) {
  return { iid: issue.iid, title: issue.title, workflow: definition.title };
}

/** The warning's key and template, shared with the dashboard's (dashboard/ensure.ts). */
export const CONFIDENTIAL_WARNING = {
  key: "confidential-warning",
  template: "common/not-confidential",
} as const;

/** A workflow issue anyone in the project can read gets a warning, once. */
export function confidentialityNotice(issue: Issue, definition: WorkflowDefinition): NoteDraft[] {
  if (issue.confidential) return [];
  return [
    {
      ...CONFIDENTIAL_WARNING,
      data: { issue: issueData(issue, definition) },
      mentions: [],
    },
  ];
}

/** The block was fixed since the bot asked: say so once, so the person knows it worked. */
export function fixedNotice(issue: Issue, definition: WorkflowDefinition, history: BotHistory): NoteDraft[] {
  const lastAsk = history.notes.filter((n) => noteKey(n.body)?.startsWith("needs-info:")).at(-1);
  if (!lastAsk || !issue.labels.includes(NEEDS_INFO)) return [];
  return [
    {
      key: `needs-info-fixed:${lastAsk.id}`,
      template: "common/needs-info-fixed",
      data: { issue: issueData(issue, definition) },
      mentions: [],
    },
  ];
}

/** Keyed by the text, so a warning is said once, and again only if the data block changes what it says. */
export function dataWarnings(
  issue: Issue,
  definition: WorkflowDefinition,
  data: unknown,
  config: Config,
): NoteDraft[] {
  return (definition.warnings?.(data as never, config) ?? []).map((entry) => {
    const warning = typeof entry === "string" ? entry : entry.setup;
    return {
      key: `warning:${textHash(warning)}`,
      template: "common/warning",
      data: { issue: issueData(issue, definition), warning, setup: typeof entry !== "string" },
      mentions: [],
    };
  });
}
