import type { Config } from "../config/schema.js";
import type { Note } from "../gitlab/port.js";
import type { Facts, Stage, WorkflowContext, WorkflowDefinition } from "../workflows/types.js";
import { tickEvents } from "./checklist.js";
import { judgeCommand } from "./command-judge.js";
import { type CommandLine, parseCommandLines } from "./command-parse.js";
import { type Day, dayOf, latestDay } from "./dates.js";
import { gateHolds, resolveDate } from "./gates.js";
import { isNamed, type RoleMap } from "./roles.js";

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
  now: Date;
  /** Verdicts of earlier replies, from the bot's own notes: `noteId.line` -> verdict. */
  priorVerdicts: Map<string, Verdict>;
}

export interface ReplayResult {
  state: WorkflowState;
  commands: CommandResult[];
  refusedTicks: RefusedTick[];
}

type TimelineEvent =
  | { at: string; id: number; kind: "tick"; noteId: number; item: string; completed: boolean; by: string }
  | { at: string; id: number; kind: "comment"; note: Note };

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
      const counts = isNamed(input.roles, event.by);
      state.ticks.set(event.item, { completed: event.completed, by: event.by, counts });
      if (event.completed && !counts)
        refusedTicks.push({ noteId: event.noteId, item: event.item, by: event.by });
      // The stage a tick completes is entered on the tick's day, not on the day of the next event or
      // run: otherwise `stageEntered` (and what counts from it) would move with the clock.
      settle(input, state, today);
      continue;
    }
    for (const [index, line] of parseCommandLines(event.note.body).entries()) {
      const key = `${event.note.id}.${index}`;
      const prior = input.priorVerdicts.get(key);
      const judged = judgeCommand({ input, state, line, author: event.note.author.username, today });
      const verdict = prior ?? judged.verdict;
      if (verdict === "accepted" && judged.verdict === "accepted") judged.apply();
      commands.push({
        key,
        noteId: event.note.id,
        author: event.note.author.username,
        line,
        verdict,
        message: judged.message,
        answered: prior !== undefined,
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
    if (!/^\/career\b/im.test(note.body)) continue;
    events.push({ at: note.createdAt, id: note.id, kind: "comment", note });
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
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
