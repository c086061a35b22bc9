import type { Picture } from "../careers/ladder-picture.js";
import type { Config } from "../config/schema.js";
import type { HandbookLink } from "../workflows/handbook-sections.js";
import type { DashboardState } from "./dashboard-state.js";
import type { CommandRecord } from "./markers.js";
import type { PeopleRecord } from "./people-record.js";

/**
 * What every text the bot writes may say besides its own data: the config's numbers (a text never
 * states a number the config can change) and the handbook section the workflow's stage follows
 * (the `handbook-link` partial). Built by `textContext` (text-context.ts).
 */
export interface TextContext {
  config: Config;
  handbook?: HandbookLink;
}

/**
 * What `decide` plans and `apply` performs. Plain data: a plan can be printed (`--dry-run`),
 * compared in tests, and applied once each.
 */
export interface ChecklistLine {
  text: string;
  ticked: boolean;
  /** Who ticked it, and whether the tick counts. */
  note?: string;
  /** Who may tick it, with their usernames ("manager (bob)"); people ops always may. */
  tickers: string;
}

export interface SectionModel {
  workflow: string;
  stageId: string;
  stage: string;
  outcome?: string;
  needsInfo: boolean;
  problems: string[];
  overdue: boolean;
  checkpoint?: { day: string; label: string };
  diagram: string;
  /** Where the person stands (the ladder step, the transfer, the trial's fork): the bot's own drawing. */
  picture?: Picture;
  guidance?: string;
  checklist: ChecklistLine[];
  summary: string[];
  commands: string[];
  /** What the dashboard reads of this issue, written as a marker at the section's end. */
  state?: DashboardState;
  /** The config's numbers and the handbook section, for the guidance and the section's own text. */
  texts?: TextContext;
}

/** Values for a template. Every string is escaped by apply, except `message`, which the bot composed. */
export type TemplateData = Record<string, unknown>;

export type Action =
  | { kind: "labels"; add: string[]; remove: string[] }
  | { kind: "due-date"; date: string | null }
  | { kind: "section"; model: SectionModel }
  | {
      kind: "note";
      key: string;
      template: string;
      data: TemplateData;
      mentions: string[];
      /** For a reply: what the command was, kept in a marker so the answer stands (see markers.ts). */
      record?: CommandRecord;
      /** People the note puts on record, kept in a marker of its own (see people-record.ts). */
      people?: PeopleRecord;
      /** An answer to an internal comment is internal too: it quotes the comment. */
      internal?: boolean;
    }
  | {
      kind: "follow-up";
      key: string;
      titleTemplate: string;
      template: string;
      data: TemplateData;
      assigneeIds: number[];
      /**
       * Everyone who acts on the follow-up, named in its description: GitLab Free keeps only the
       * first of several assignees, so the assignee list alone can drop people.
       */
      mentions: string[];
    }
  | { kind: "close" };

export interface Plan {
  project: number;
  iid: number;
  workflow: string;
  stage?: string;
  actions: Action[];
}
