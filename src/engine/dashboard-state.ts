import type { Issue, Note } from "../gitlab/port.js";
import type { WorkflowDefinition } from "../workflows/types.js";
import { upcomingCheckpoints } from "./checkpoints.js";
import { type Day, dayOf, parseDay } from "./dates.js";
import type { EarlierWorkflow } from "./earlier-workflow.js";
import { resolveDate } from "./gates.js";
import { findSection, SECTION_BEGIN, SECTION_END } from "./markers.js";
import type { CommandResult } from "./replay.js";
import { peopleIn, type RoleMap } from "./roles.js";
import { contextOf, type DefinitionInput, stageOf, type WorkflowState } from "./workflow-state.js";

/**
 * What the dashboard shows of one workflow issue, kept by the bot in its own section so the dashboard
 * is built from issue listings alone (no notes: one request per 100 issues). It holds only what
 * changes when the section changes anyway (days, never "N days ago"), so a quiet day writes nothing.
 */
export interface DashboardState {
  v: 1;
  workflow: string;
  stage: string;
  /** The day the stage was entered. */
  since: Day;
  next?: { label: string; day: Day };
  /** Usernames of the people who act in this stage (people ops aside). */
  actors: string[];
  /** The team member (for a conversation issue: the manager). */
  member?: string;
  period?: { start?: Day; end?: Day; limit?: Day };
  /** Dated checkpoints ahead, for the Gantt chart's milestones. */
  milestones?: { label: string; day: Day }[];
  /** Set while the data block has problems: since that day. */
  needsInfo?: Day;
  /**
   * The last few refused commands, whatever their age: the dashboard keeps those of the last 7 days.
   * Dropping old ones here would change the section on a quiet day, an extra write.
   */
  refused?: { day: Day; verb: string; by: string }[];
  outcome?: string;
  /** Who brought the outcome about (WorkflowState.decidedBy), for a person's history. */
  decidedBy?: string;
  /**
   * The team member's earlier workflows, listed once when this one started (src/engine/earlier.ts)
   * and carried from marker to marker, so no later run lists them again. Confidential issues only.
   */
  earlier?: EarlierWorkflow[];
}

const PREFIX = "<!-- career-bot:state ";
/* The payload, then (when the run had a key) a dot and its signature (state-signature.ts). */
const MARKER =
  /\n<!-- career-bot:state ([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_-]+))? -->\n<!-- career-bot:section:end -->$/;
/** How many refusals the section keeps; the dashboard needs only the recent ones. */
export const KEPT_REFUSALS = 3;
const KEPT_MILESTONES = 6;

/**
 * The marker line. Base64url, so no text of a person's reaches it raw (like commandRecordMarker);
 * `sign` (the run's StateSigner, bound to the issue) adds the signature the dashboard checks.
 */
export function stateMarker(state: DashboardState, sign?: (payload: string) => string): string {
  const payload = Buffer.from(JSON.stringify(state)).toString("base64url");
  return `${PREFIX}${payload}${sign ? `.${sign(payload)}` : ""} -->`;
}

/** The state marker's encoded payload and signature as written, or undefined (see stateMarkerPayload). */
export function stateMarkerParts(description: string): { payload: string; signature?: string } | undefined {
  // One section only: a person can paste a whole section, marker and all, above the bot's; the bot
  // replaces it on an open issue's next run, but a closed issue is never run again.
  if (description.split(SECTION_BEGIN).length !== 2) return undefined;
  const bounds = findSection(description);
  if (!bounds) return undefined;
  const match = MARKER.exec(description.slice(bounds.start, bounds.end));
  if (!match) return undefined;
  return match[2] === undefined ? { payload: match[1]! } : { payload: match[1]!, signature: match[2] };
}

/** The description without its state marker line (nothing else changes); as it is when there is none. */
export function withoutStateMarker(description: string): string {
  const bounds = findSection(description);
  if (!bounds) return description;
  const section = description.slice(bounds.start, bounds.end);
  const match = MARKER.exec(section);
  if (!match) return description;
  const kept = `${section.slice(0, match.index)}\n${SECTION_END}`;
  return description.slice(0, bounds.start) + kept + description.slice(bounds.end);
}

/**
 * The decoded payload of the state marker in the bot's section, unchecked (the dashboard checks it
 * with zod), or undefined. Only the marker right before the section's end counts: the bot writes it
 * there, and a person's text inside the section passed through `safeInline`, which drops comments.
 * Text outside the section (what people own) is never read.
 */
export function stateMarkerPayload(description: string): unknown {
  const parts = stateMarkerParts(description);
  if (!parts) return undefined;
  try {
    return JSON.parse(Buffer.from(parts.payload, "base64url").toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** The state of a running workflow (its data block is valid). */
export function runningState(
  input: DefinitionInput,
  roles: RoleMap,
  state: WorkflowState,
  today: Day,
  refused: DashboardState["refused"],
  earlier: EarlierWorkflow[] = [],
): DashboardState {
  const { definition } = input;
  const stage = stageOf(definition, state.stage);
  const points = upcomingCheckpoints(input, state, today);
  const period = periodOf(definition, contextOf(input, state, today));
  const member = roles.team_member?.[0] ?? roles.manager?.[0];
  return {
    v: 1,
    workflow: definition.id,
    stage: stage.id,
    since: state.enteredDay,
    ...(points[0] ? { next: points[0] } : {}),
    actors: peopleIn(
      roles,
      stage.actors.filter((role) => role !== "people_ops"),
    ),
    ...(member ? { member } : {}),
    ...(period ? { period } : {}),
    ...(definition.period && points.length > 0 ? { milestones: points.slice(0, KEPT_MILESTONES) } : {}),
    ...(refused && refused.length > 0 ? { refused } : {}),
    ...(state.outcome ? { outcome: state.outcome } : {}),
    ...(state.outcome && state.decidedBy ? { decidedBy: state.decidedBy } : {}),
    ...(earlier.length > 0 ? { earlier } : {}),
  };
}

function periodOf(definition: WorkflowDefinition, ctx: ReturnType<typeof contextOf>) {
  if (!definition.period) return undefined;
  const { start, end, limit } = definition.period;
  const days = {
    start: resolveDate(start, ctx),
    end: end ? resolveDate(end, ctx) : undefined,
    limit: limit ? resolveDate(limit, ctx) : undefined,
  };
  return Object.fromEntries(Object.entries(days).filter(([, day]) => day !== undefined));
}

/** The last refused commands, oldest first, each with the day its comment was written. */
export function recentRefusals(commands: CommandResult[], notes: Note[], timezone: string) {
  const at = new Map(notes.map((note) => [note.id, note.createdAt]));
  return commands
    .filter((c) => c.verdict === "refused" && at.has(c.noteId))
    .map((c) => refusal(at.get(c.noteId)!, c.line.verb, c.author, timezone))
    .slice(-KEPT_REFUSALS);
}

export type Refusal = NonNullable<DashboardState["refused"]>[number];

/** One refused command as the state keeps it: the day its comment was written, in the config's zone. */
export function refusal(at: string, verb: string, by: string, timezone: string): Refusal {
  return { day: dayOf(at, timezone), verb: verbWord(verb), by };
}

/** A refused verb is whatever word a person typed: kept only when it is a plain word. */
function verbWord(verb: string): string {
  return /^[a-z][a-z-]{0,29}$/.test(verb) ? verb : "unknown";
}

/**
 * The state while the data block has problems: what the dashboard knew before (the last state the
 * bot wrote) stays, with the day the problems were first seen, so the day does not move on each run.
 * Refusals stay too, and those of this run (`refused`: commands refused while paused) join them:
 * a refusal made during the pause needs attention as much as one made before it.
 */
export function needsInfoState(
  definition: WorkflowDefinition,
  stage: string,
  issue: Issue,
  today: Day,
  refused: Refusal[] = [],
  earlier: EarlierWorkflow[] = [],
) {
  const before = previousState(issue.description, definition.id);
  const sameStage = before?.stage === stage;
  const state: DashboardState = {
    v: 1,
    workflow: definition.id,
    stage,
    since: (sameStage ? before?.since : undefined) ?? today,
    actors: [],
    needsInfo: before?.needsInfo ?? today,
  };
  if (before?.member) state.member = before.member;
  if (before?.period) state.period = before.period;
  const kept = before?.refused ?? [];
  // A refusal already kept (its reply was not posted, so it is refused again) is not kept twice.
  const fresh = refused.filter(
    (r) => !kept.some((k) => k.day === r.day && k.verb === r.verb && k.by === r.by),
  );
  const all = [...kept, ...fresh].slice(-KEPT_REFUSALS);
  if (all.length > 0) state.refused = all;
  if (earlier.length > 0) state.earlier = earlier;
  return state;
}

/** The few fields of the last state that a paused workflow keeps, each checked. */
function previousState(description: string, workflow: string) {
  const value = stateMarkerPayload(description) as Record<string, unknown> | undefined;
  if (!value || typeof value !== "object" || value.workflow !== workflow) return undefined;
  const day = (v: unknown) => (typeof v === "string" ? parseDay(v) : undefined);
  const member = typeof value.member === "string" && /^[A-Za-z0-9_.-]+$/.test(value.member);
  const period =
    value.period && typeof value.period === "object" ? (value.period as Record<string, unknown>) : {};
  const days = Object.fromEntries(
    ["start", "end", "limit"].flatMap((k) => (day(period[k]) ? [[k, day(period[k])!]] : [])),
  );
  const refused = Array.isArray(value.refused) ? value.refused.filter(isRefusal) : [];
  return {
    refused: refused.length > 0 ? refused : undefined,
    stage: typeof value.stage === "string" ? value.stage : undefined,
    since: day(value.since),
    needsInfo: day(value.needsInfo),
    member: member ? (value.member as string) : undefined,
    period: Object.keys(days).length > 0 ? days : undefined,
  };
}

/** A refusal read back from the marker, checked as the dashboard checks it (src/dashboard/state.ts). */
function isRefusal(value: unknown): value is Refusal {
  if (!value || typeof value !== "object") return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.day === "string" &&
    parseDay(r.day) === r.day &&
    typeof r.verb === "string" &&
    /^[a-z-]{1,30}$/.test(r.verb) &&
    typeof r.by === "string" &&
    /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/.test(r.by)
  );
}
