import type { Config } from "../config/schema.js";
import type { Note, User } from "../gitlab/port.js";
import type {
  ChecklistItem,
  Facts,
  Role,
  Stage,
  WorkflowContext,
  WorkflowDefinition,
} from "../workflows/types.js";
import type { Day } from "./dates.js";
import type { CommandRecord } from "./markers.js";
import type { PeopleRecord } from "./people-record.js";
import type { RoleMap } from "./roles.js";

/*
 * The state a workflow's history folds into, and the small helpers every part of the engine reads it
 * with (replay, command judging, checkpoints, the section). Kept apart from replay.ts so those parts
 * depend on this leaf and not on each other.
 */

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
  /**
   * Who brought the outcome about: the author of the accepted command, or the person whose tick
   * completed the last checklist; absent when a date did (or no outcome yet). Shown in a person's history.
   */
  decidedBy?: string;
  facts: Facts;
  ticks: Map<string, Tick>;
  history: { stage: string; day: Day }[];
}

export type Verdict = "accepted" | "refused";

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
   * The people the description names now, when they differ from the people on record: what an
   * accepted `/career confirm people` puts on record. `data` is the block as it reads, `record` its
   * people with their ids (absent when an id is unknown). Until confirmed, `data` and `roles` above
   * hold the people on record.
   */
  proposed?: { data: unknown; roles: RoleMap; record?: PeopleRecord };
}

export interface PriorAnswer {
  verdict: Verdict;
  record?: CommandRecord;
  /** For an accepted `/career confirm people`: the people it put on record. */
  people?: PeopleRecord;
}

/** What the definition's rules need to be evaluated: no history, no people. */
export type DefinitionInput = Pick<ReplayInput, "definition" | "data" | "config">;

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

export function enter(state: WorkflowState, stage: string, day: Day, outcome?: string): void {
  state.stage = stage;
  state.visit += 1;
  state.enteredDay = day;
  if (outcome !== undefined) state.outcome = outcome;
  state.history.push({ stage, day });
}

/** Who may tick an item: its own `tickers`, else the stage's actors (people ops always may). */
export function tickersOf(stage: Stage, item: ChecklistItem): Role[] {
  return item.tickers ?? stage.actors;
}
