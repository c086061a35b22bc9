import type { Note } from "../gitlab/port.js";
import type { Role, WorkflowContext, WorkflowDefinition } from "../workflows/types.js";
import { tickEvents } from "./checklist.js";
import { judgeCommand } from "./command-judge.js";
import { type CommandLine, hasCommandLine, parseCommandLines } from "./command-parse.js";
import { dayOf } from "./dates.js";
import type { CommandRecord } from "./markers.js";
import { type PeopleRecord, withPeople } from "./people-record.js";
import { hasRole, type RoleMap, roleMap } from "./roles.js";
import { settle } from "./settle.js";
import { sectionItemKey } from "./tick-text.js";
import {
  contextOf,
  type PriorAnswer,
  type ReplayInput,
  tickersOf,
  type Verdict,
  type WorkflowState,
} from "./workflow-state.js";

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
  /** Roles the reply mentions, when the command's outcome names who acts next. */
  notify?: Role[];
  /** What to keep in the reply, for a command not answered yet. */
  record?: CommandRecord;
  /** For an accepted `/career confirm people` not answered yet: the people its reply puts on record. */
  people?: PeopleRecord;
}

export interface RefusedTick {
  noteId: number;
  item: string;
  by: string;
  /** When GitLab recorded the tick: one edit's ticks share their moment. */
  at: string;
  /** Who may tick the item (people ops aside): what the reply names. */
  tickers: Role[];
}

export interface ReplayResult {
  state: WorkflowState;
  /** The data block with the people on record after the history (confirmed changes included). */
  data: unknown;
  roles: RoleMap;
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
  // The people on record at each point of the history: a confirmed change applies from its command on.
  let live: ReplayInput = input;
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
    settle(live, state, today);
    if (event.kind === "tick") {
      const ctx = contextOf(live, state, today);
      // Only the workflow's own checklist items matter; a person's own boxes are theirs.
      const item = workflowItems(definition, ctx).get(event.item);
      if (!item) continue;
      // Judged by who ticked, against the people on record then, whenever the bot gets to see it
      // (while the data block was invalid, or during one of its runs); a refusal stands.
      const counts = hasRole(live.roles, item.tickers, event.by) && !input.refusedTickIds.has(event.noteId);
      state.ticks.set(item.text, { completed: event.completed, by: event.by, counts });
      if (event.completed && !counts)
        refusedTicks.push({
          noteId: event.noteId,
          item: item.text,
          by: event.by,
          at: event.at,
          tickers: item.tickers,
        });
      // The stage a tick completes is entered on the tick's day, not on the day of the next event or
      // run: otherwise `stageEntered` (and what counts from it) would move with the clock.
      decidedBy(state, event.by, () => settle(live, state, today));
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
      if (record.verb === "confirm") {
        // The people it confirmed are in the reply, not in the description (which may have moved on).
        if (verdict === "accepted" && event.answer.people) live = confirmed(live, event.answer.people);
        commands.push({
          key: event.key,
          noteId: event.id,
          author: record.author,
          line,
          verdict,
          message: "",
          answered: true,
        });
        continue;
      }
      const judged = judgeCommand({
        input: live,
        state,
        line,
        author: record.author,
        today,
        authorityGiven: true,
      });
      if (verdict === "accepted" && judged.verdict === "accepted")
        decidedBy(state, record.author, judged.apply);
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
      const judged = judgeCommand({ input: live, state, line, author, today });
      const verdict = prior?.verdict ?? judged.verdict;
      if (verdict === "accepted" && judged.verdict === "accepted") {
        decidedBy(state, author, judged.apply);
        if (judged.people) live = { ...live, data: judged.people.data, roles: judged.people.roles };
      }
      const people = verdict === "accepted" && prior === undefined ? judged.people?.record : undefined;
      commands.push({
        key,
        noteId: event.note.id,
        author,
        line,
        verdict,
        message: judged.message,
        answered: prior !== undefined,
        ...(judged.notify ? { notify: judged.notify } : {}),
        record: { at: event.note.createdAt, author, verb: line.verb, args: line.args },
        ...(people ? { people } : {}),
      });
    }
  }
  settle(live, state, dayOf(input.now, config.timezone));
  return { state, data: live.data, roles: live.roles, commands, refusedTicks };
}

/** The people a confirmation put on record, in place of those before it. */
function confirmed(input: ReplayInput, record: PeopleRecord): ReplayInput {
  const data = withPeople(input.definition, input.data, record);
  return { ...input, data, roles: roleMap(input.definition, data, {}, input.config) };
}

/** Runs `step`; when it reaches the outcome, `by` is who decided (the first outcome stands). */
function decidedBy(state: WorkflowState, by: string, step: () => void): void {
  const before = state.outcome;
  step();
  if (before === undefined && state.outcome !== undefined) state.decidedBy = by;
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

interface KnownItem {
  text: string;
  tickers: Role[];
}

/**
 * Every item of every stage's checklist as the workflow would show it now, with who may tick it, by
 * canonical text (what a tick note can be compared with). Two different items with one canonical
 * text (`**a**` and `a`) map to null: GitLab's note cannot tell them apart, so neither takes the tick.
 * One item in two stages may be ticked by the tickers of either.
 */
function workflowItems(definition: WorkflowDefinition, ctx: WorkflowContext): Map<string, KnownItem | null> {
  const items = new Map<string, KnownItem | null>();
  for (const stage of definition.stages) {
    for (const item of stage.checklist?.(ctx) ?? []) {
      const tickers = tickersOf(stage, item);
      // A tick quoting an earlier wording is a tick of the item as it reads now.
      for (const text of [item.text, ...(item.formerly ?? [])]) {
        const key = sectionItemKey(text);
        const known = items.get(key);
        if (known === undefined) items.set(key, { text: item.text, tickers });
        else if (known === null || known.text !== item.text) items.set(key, null);
        else items.set(key, { text: item.text, tickers: [...new Set([...known.tickers, ...tickers])] });
      }
    }
  }
  return items;
}
