import type { Config } from "../config/schema.js";
import type { Note, User } from "../gitlab/port.js";
import type { Facts, Stage, WorkflowContext, WorkflowDefinition } from "../workflows/types.js";
import { tickEvents } from "./checklist.js";
import { judgeCommand } from "./command-judge.js";
import { type CommandLine, hasCommandLine, parseCommandLines } from "./command-parse.js";
import { type Day, dayOf, latestDay } from "./dates.js";
import { gateHolds, resolveDate } from "./gates.js";
import type { CommandRecord } from "./markers.js";
import { isNamed, type RoleMap } from "./roles.js";
import { sectionItemKey } from "./tick-text.js";

export interface Tick {
  completed: boolean;
  by: string;
  counts: boolean;
}

/** Where a workflow stands, derived from the data block and the issue's history alone. */
export interface WorkflowState {
  stage: string;
  /** How many stage entries happened: keys notes of one visit apart from a later visit. */
  visit: number;
  enteredDay: Day;
  outcome?: string;
  facts: Facts;
  ticks: Map<string, Tick>;
  history: { stage: string; day: Day }[];
}

export type Verdict = "accepted" | "refused";

export interface CommandResult {
  key: string;
  noteId: number;
  author: string;
  line: CommandLine;
  verdict: Verdict;
  /** What the reply says: plain text written by the bot (user values escaped when rendered). */
  message: string;
  /** Set when the bot had answered before: its answer stands. */
  answered: boolean;
  /** What to keep in the reply, for a command not answered yet. */
  record?: CommandRecord;
}

export interface RefusedTick {
  noteId: number;
  item: string;
  by: string;
}

export interface ReplayInput {
  definition: WorkflowDefinition;
  data: unknown;
  config: Config;
  roles: RoleMap;
  notes: Note[];
  botUsername: string;
  issueCreatedAt: string;
  /** Users looked up for this run (lower-cased username -> user, null: none); others unchecked. */
  users?: ReadonlyMap<string, User | null>;
  /** A closed issue answers commands but takes none until it is reopened. */
  issueClosed?: boolean;
  now: Date;
  /** Earlier replies, from the bot's own notes: `noteId.line` -> verdict and what the command was. */
  priorAnswers: Map<string, PriorAnswer>;
  /** Ticks the bot already refused (the system note ids of its `tick:` replies). */
  refusedTickIds: ReadonlySet<number>;
  /**
   * The id of the bot's latest note on this issue, system notes included (ids grow with time and,
   * unlike timestamps, never tie). Every tick before it was judged then: a tick that was not
   * refused keeps counting even if the people of the data block change later.
   */
  botWatermark?: number;
}

export interface PriorAnswer {
  verdict: Verdict;
  record?: CommandRecord;
}

export interface ReplayResult {
  state: WorkflowState;
  commands: CommandResult[];
  refusedTicks: RefusedTick[];
}

type TimelineEvent =
  | { at: string; id: number; kind: "tick"; noteId: number; item: string; completed: boolean; by: string }
  | { at: string; id: number; kind: "comment"; note: Note }
  | {
      at: string;
      id: number;
      kind: "recorded";
      key: string;
      answer: PriorAnswer & { record: CommandRecord };
    };

/**
 * Folds the issue's history, oldest first, through the workflow: ticks by the right people,
 * accepted commands, and gates opened by dates. Pure: the same issue gives the same state, so
 * re-running is harmless and a lost event only delays the bot.
 */
export function replay(input: ReplayInput): ReplayResult {
  const { definition, config } = input;
  const first = definition.stages[0]!;
  const startDay = dayOf(input.issueCreatedAt, config.timezone);
  const state: WorkflowState = {
    stage: first.id,
    visit: 0,
    enteredDay: startDay,
    facts: {},
    ticks: new Map(),
    history: [{ stage: first.id, day: startDay }],
  };
  const commands: CommandResult[] = [];
  const refusedTicks: RefusedTick[] = [];

  for (const event of timeline(input)) {
    const today = dayOf(event.at, config.timezone);
    settle(input, state, today);
    if (event.kind === "tick") {
      const ctx = contextOf(input, state, today);
      // Only the workflow's own checklist items matter; a person's own boxes are theirs.
      const item = workflowItems(definition, ctx).get(event.item);
      if (!item) continue;
      const judgedBefore = input.botWatermark !== undefined && event.noteId < input.botWatermark;
      const counts =
        isNamed(input.roles, event.by) || (judgedBefore && !input.refusedTickIds.has(event.noteId));
      state.ticks.set(item, { completed: event.completed, by: event.by, counts });
      if (event.completed && !counts) refusedTicks.push({ noteId: event.noteId, item, by: event.by });
      // The stage a tick completes is entered on the tick's day, not on the day of the next event or
      // run: otherwise `stageEntered` (and what counts from it) would move with the clock.
      settle(input, state, today);
      continue;
    }
    if (event.kind === "recorded") {
      // An answered command stands as the bot understood it, whoever may act today.
      const { record, verdict } = event.answer;
      const line = {
        verb: record.verb,
        args: record.args,
        raw: ["/career", record.verb, ...record.args].join(" "),
      };
      const judged = judgeCommand({ input, state, line, author: record.author, today, authorityGiven: true });
      if (verdict === "accepted" && judged.verdict === "accepted") judged.apply();
      commands.push({
        key: event.key,
        noteId: event.id,
        author: record.author,
        line,
        verdict,
        message: judged.message,
        answered: true,
      });
      continue;
    }
    for (const [index, line] of parseCommandLines(event.note.body).entries()) {
      const key = `${event.note.id}.${index}`;
      const prior = input.priorAnswers.get(key);
      if (prior?.record) continue; // replayed from the bot's record
      const author = event.note.author.username;
      const judged = judgeCommand({ input, state, line, author, today });
      const verdict = prior?.verdict ?? judged.verdict;
      if (verdict === "accepted" && judged.verdict === "accepted") judged.apply();
      commands.push({
        key,
        noteId: event.note.id,
        author,
        line,
        verdict,
        message: judged.message,
        answered: prior !== undefined,
        record: { at: event.note.createdAt, author, verb: line.verb, args: line.args },
      });
    }
  }
  settle(input, state, dayOf(input.now, config.timezone));
  return { state, commands, refusedTicks };
}

function timeline(input: ReplayInput): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const bot = input.botUsername.toLowerCase();
  for (const tick of tickEvents(input.notes)) {
    // The bot never ticks; if GitLab attributes a tick to one of its section rewrites, it is not a person's.
    if (tick.by.toLowerCase() === bot) continue;
    events.push({ ...tick, id: tick.noteId, kind: "tick" });
  }
  for (const note of input.notes) {
    if (note.system || note.author.username.toLowerCase() === bot) continue;
    if (!hasCommandLine(note.body)) continue;
    events.push({ at: note.createdAt, id: note.id, kind: "comment", note });
  }
  for (const [key, answer] of input.priorAnswers) {
    const { record } = answer;
    if (!record) continue;
    events.push({
      at: record.at,
      id: Number(key.split(".")[0]),
      kind: "recorded",
      key,
      answer: { ...answer, record },
    });
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
}

/**
 * Every item of every stage's checklist as the workflow would show it now, by canonical text (what a
 * tick note can be compared with). Two different items with one canonical text (`**a**` and `a`)
 * map to null: GitLab's note cannot tell them apart, so neither takes the tick.
 */
function workflowItems(definition: WorkflowDefinition, ctx: WorkflowContext): Map<string, string | null> {
  const items = new Map<string, string | null>();
  for (const stage of definition.stages) {
    for (const { text } of stage.checklist?.(ctx) ?? []) {
      const key = sectionItemKey(text);
      const known = items.get(key);
      items.set(key, known === undefined || known === text ? text : null);
    }
  }
  return items;
}

export function stageOf(definition: WorkflowDefinition, id: string): Stage {
  const stage = definition.stages.find((s) => s.id === id);
  if (!stage) throw new Error(`workflow ${definition.id} has no stage ${id}`);
  return stage;
}

export function contextOf(
  input: Pick<ReplayInput, "data" | "config">,
  state: WorkflowState,
  today: Day,
): WorkflowContext {
  return {
    data: input.data as Record<string, unknown>,
    config: input.config,
    facts: state.facts,
    stageEntered: state.enteredDay,
    today,
  };
}

/** Whether every item of the current stage's checklist is ticked by someone whose tick counts. */
export function checklistComplete(
  definition: WorkflowDefinition,
  state: WorkflowState,
  ctx: WorkflowContext,
): boolean {
  const items = stageOf(definition, state.stage).checklist?.(ctx) ?? [];
  return items.every((item) => {
    const tick = state.ticks.get(item.text);
    return tick?.completed === true && tick.counts;
  });
}

/** Takes every automatic transition (no command in its gates) that holds on `today`. */
export function settle(
  input: Pick<ReplayInput, "definition" | "data" | "config">,
  state: WorkflowState,
  today: Day,
): void {
  const { definition } = input;
  for (let guard = 0; guard < definition.stages.length * 2; guard++) {
    if (stageOf(definition, state.stage).final) return;
    const ctx = contextOf(input, state, today);
    const complete = checklistComplete(definition, state, ctx);
    const next = definition.transitions.find(
      (t) =>
        t.from === state.stage &&
        t.when.every((gate) => gate.gate !== "command") &&
        t.when.every((gate) => gateHolds(gate, { definition, ctx, checklistComplete: complete })),
    );
    if (!next) return;
    const gateDays = next.when.flatMap((gate) =>
      gate.gate === "onOrAfter" ? [resolveDate(gate.date, ctx) ?? today] : [],
    );
    enter(state, next.to, latestDay(gateDays) ?? today, next.outcome);
  }
}

export function enter(state: WorkflowState, stage: string, day: Day, outcome?: string): void {
  state.stage = stage;
  state.visit += 1;
  state.enteredDay = day;
  if (outcome !== undefined) state.outcome = outcome;
  state.history.push({ stage, day });
}
