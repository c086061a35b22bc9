import type { z } from "zod";
import type { Picture } from "../careers/ladder-picture.js";
import type { Config } from "../config/schema.js";
import type { Day } from "../engine/dates.js";

/**
 * A workflow is data, in XState's vocabulary: stages, transitions guarded by named gates, commands,
 * reminders and effects. The engine (src/engine/) interprets it; nothing here does I/O.
 */

/** A role names people: from the data block (`team_member`, `manager`, ...) or `people_ops` from the config. */
export type Role = string;

/** Facts recorded by accepted commands (`/career hire @x 2026-03-01` records `new_hire` and `hire_date`). */
export type Facts = Readonly<Record<string, string>>;

export interface WorkflowContext<D = Record<string, unknown>> {
  data: D;
  config: Config;
  facts: Facts;
  /** The day the stage was last entered. */
  stageEntered: Day;
  /** The day being evaluated. */
  today: Day;
}

/** A number written in the definition, or read from the config (`interim.hire_review_days`). */
export type NumberExpr = number | { config: string };

/** A calendar day computed from the data block, a fact or the stage's entry, plus an offset. */
export type DateExpr =
  | { field: string }
  | { fact: string }
  | { stageEntered: true }
  /** The first expression that resolves: a date a command recorded, else the data block's. */
  | { firstOf: DateExpr[] }
  | { from: DateExpr; days?: NumberExpr; months?: NumberExpr; minusDays?: NumberExpr };

export type Gate =
  /** Every item of the stage's checklist is ticked by someone allowed to. */
  | { gate: "checklistComplete" }
  /** An accepted `/career <verb> [choice]` command. */
  | { gate: "command"; verb: string; choice?: string }
  /** The day has come (checkpoints fall at the start of their day in the config's time zone). */
  | { gate: "onOrAfter"; date: DateExpr }
  /** A named condition of the workflow (`conditions` below). */
  | { gate: "condition"; name: string; negate?: boolean };

export interface Transition {
  from: string;
  to: string;
  when: Gate[];
  /** Set on the way into a final stage: the `career-outcome::` label. */
  outcome?: string;
  /** The checkpoint's name in the status when an `onOrAfter` gate of this transition is ahead. */
  checkpoint?: string;
}

export interface ChecklistItem {
  /** Plain words: GitLab's "marked the checklist item X as completed" note quotes this text. */
  text: string;
  /**
   * Who may tick it, when not the stage's `actors` (the person who judges the item, not the one who
   * does the work: the manager ticks an interim manager's success criteria). `people_ops` may tick
   * any item; a tick by anyone else does not count and gets a reply.
   */
  tickers?: Role[];
  /**
   * Earlier wordings of this item. GitLab's tick note quotes the text as it was when ticked, so a
   * reworded item lists its old text here and a tick made before the rewording still counts.
   */
  formerly?: string[];
}

/** A note posted once (keyed), when its stage is entered or its day comes. */
export interface NoteEffect {
  template: string;
  /** Roles mentioned: the people who must act. */
  mention: Role[];
  /** Only when this condition holds. */
  when?: string;
}

/** A confidential follow-up issue, created once and linked to the workflow issue. */
export interface FollowUpEffect {
  key: string;
  titleTemplate: string;
  template: string;
  assignees: Role[];
}

export interface Stage {
  id: string;
  title: string;
  /** Who acts in this stage (mentioned in its notes, listed in the README); by default, who ticks its items. */
  actors: Role[];
  /** Guidance template shown in the bot section while the stage is current. */
  guidance: string;
  checklist?: (ctx: WorkflowContext) => ChecklistItem[];
  final?: boolean;
  onEnter?: { notes?: NoteEffect[]; followUps?: FollowUpEffect[] };
}

export type ArgKind = "user" | "day" | "url" | { choice: readonly string[] };

/** Who wrote a command: their username and the roles they hold in this workflow (`people_ops` included). */
export interface Author {
  username: string;
  roles: Role[];
}

/** What an accepted command does beyond `records`, for a decision that takes two people. */
export interface CommandOutcome {
  /** Facts to set (a value) or remove (undefined). */
  facts: Record<string, string | undefined>;
  /** The reply, instead of "Done: ... recorded.": plain text composed by the bot. */
  message: string;
  /** Roles mentioned in the reply: whoever must act next (replaces `notify`). */
  notify: Role[];
}

export interface Command {
  verb: string;
  /** The stages in which the verb is accepted. */
  stages: string[];
  roles: Role[];
  args: { name: string; kind: ArgKind }[];
  /** Facts to record from the arguments (fact name -> argument name), plus `<verb>_day` automatically. */
  records?: Record<string, string>;
  /** Roles mentioned in the reply when the command is accepted: whoever acts next. */
  notify?: Role[];
  /** Gates that must hold before the command is accepted, with the reason given when one does not. */
  requires?: { gate: Gate; refusal: string }[];
  /**
   * Checks the parsed arguments against the workflow (a new end date after the current one): the
   * reason for refusing, or undefined. Gates cannot see arguments, hence this hook.
   */
  validate?: (
    args: Readonly<Record<string, string>>,
    ctx: WorkflowContext,
    author: Author,
  ) => string | undefined;
  /** Computes what an accepted command does from its arguments, the workflow and who wrote it. */
  outcome?: (args: Readonly<Record<string, string>>, ctx: WorkflowContext, author: Author) => CommandOutcome;
  help: string;
}

export interface Reminder {
  key: string;
  /** The stages it belongs to; `"open"` while the workflow is not finished. */
  stages: string[] | "open";
  at: DateExpr;
  /** Repeats every N days after `at` until the stage changes. */
  every?: NumberExpr;
  /**
   * The key holds the day, so when the date moves (`/career extend`, an edited data block) the
   * reminder is posted again for the new day. Repeating reminders are keyed by day anyway.
   */
  keyByDay?: boolean;
  when?: string;
  /**
   * Only while this checklist item (its text) is not ticked by someone whose tick counts: a nudge for
   * one step that must happen before a date ("made explicit ... before the temporary role is created").
   */
  unlessTicked?: string;
  note: NoteEffect;
  /** A status label that holds from this day on while the reminder's stages last. */
  label?: string;
  /** Shown as the checkpoint's name in the status. */
  checkpoint: string;
}

/**
 * A warning about the careers project's setup (its `.gitlab/career-bot.yml`), not about the workflow:
 * addressed to whoever runs the project, without the handbook link the workflow's warnings carry.
 */
export interface SetupWarning {
  setup: string;
}

export interface Problem {
  field: string;
  value?: unknown;
  message: string;
}

/**
 * The dates of a temporary appointment, for the dashboard's Gantt chart: read from the data block
 * (and an extension, if any) like every other date, so the chart needs no case per workflow.
 */
export interface Period {
  start: DateExpr;
  /** The planned end; absent when the appointment ends with a decision (an interim's promotion). */
  end?: DateExpr;
  /** The longest the appointment may last (the interim's `interim.max_months`). */
  limit?: DateExpr;
}

export interface WorkflowDefinition<D = Record<string, unknown>> {
  id: string;
  /** `career::<id>`. */
  label: string;
  title: string;
  /** The data block's schema: unknown keys and wrong types are problems. */
  schema: z.ZodType<D>;
  /** Usernames the bot must find on the instance (field name -> username). */
  people: (data: D) => Record<string, string | undefined>;
  /**
   * Role -> usernames, when roles are not simply the people fields (a list of reports, say). By
   * default each people field is a role of the same name. `people_ops` is added by the engine.
   */
  roles?: (data: D, facts: Facts) => Record<Role, string[]>;
  /** Problems the schema cannot see (a level not in the table, a date before another). */
  check?: (data: D, config: Config) => Problem[];
  /**
   * Things worth saying that do not stop the workflow (a move the handbook's table does not list).
   * Each distinct text is posted once as a comment; plain text, escaped by the engine.
   */
  warnings?: (data: D, config: Config) => Array<string | SetupWarning>;
  stages: Stage[];
  transitions: Transition[];
  commands: Command[];
  reminders: Reminder[];
  conditions: Record<string, (ctx: WorkflowContext<D>) => boolean>;
  /** Lines for the status summary (tenure check, hire, document...). Plain text, escaped by the engine. */
  summary?: (ctx: WorkflowContext<D>) => string[];
  /** Set on temporary appointments: their period, shown on the dashboard's Gantt chart. */
  period?: Period;
  /**
   * A picture of where the person stands (the ladder step, the transfer, the trial's fork), drawn in
   * the status section. Built from the ladders' names and the bot's words only, never a person's text.
   */
  picture?: (ctx: WorkflowContext<D>) => Picture | undefined;
  /** Extra values for note templates (a table row, a computed date). Escaped by the engine. */
  noteData?: (ctx: WorkflowContext<D>) => Record<string, string>;
}
