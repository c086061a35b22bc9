import type { IssueUpdate } from "../gitlab/port.js";

/**
 * One write the bot made or, in a dry run, would make: what `--json` shows of a run, so a person can
 * review exactly what a dry run would say (as gitlab-triage shows its comments).
 */
export interface WriteRecord {
  kind: "note" | "issue" | "update" | "link" | "delete-note";
  /**
   * The issue written to, `projectId#iid`; for a new issue, the issue it follows up (a follow-up) or
   * the project it is created in (a recurring issue).
   */
  issue: string;
  /** The bot's key for the note or follow-up (its hidden marker), when it has one. */
  key?: string;
  /** One line for people, as the run summary prints it: `note reply:12`, `update +career-stage::setup`. */
  what: string;
  /** A new issue's title. */
  title?: string;
  /** The text posted: a note's body, a new issue's description, or the bot's section of an update. */
  text?: string;
  /** An update's changes besides the section: labels, due date, state. */
  changes?: Omit<IssueUpdate, "description">;
}

export function issueRef(project: number | string, iid?: number): string {
  return iid === undefined ? String(project) : `${project}#${iid}`;
}

/**
 * Whether a write fires the webhook, so starts a pipeline in trigger mode: notes, issue creates and
 * issue updates do. Linking issues makes only system notes ("marked this issue as related to"),
 * which run no note hooks (Notes::PostProcessService skips `note.system?`), and deleting a note runs
 * none (Notes::DestroyService).
 */
export function echoes(record: Pick<WriteRecord, "kind">): boolean {
  return record.kind !== "link" && record.kind !== "delete-note";
}
