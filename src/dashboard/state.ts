import * as z from "zod";
import { stateMarkerPayload, type DashboardState as WrittenState } from "../engine/dashboard-state.js";
import { parseDay } from "../engine/dates.js";
import { STAGE_PREFIX } from "../engine/issue-labels.js";
import type { Issue } from "../gitlab/port.js";
import type { WorkflowDefinition } from "../workflows/types.js";

/*
 * The state marker the bot keeps in its section (src/engine/dashboard-state.ts), read back and
 * checked. Whatever does not check out counts as absent, and the dashboard falls back to labels.
 */

const Day = z.string().refine((text) => parseDay(text) === text);
const Username = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/);
const Text = z.string().max(200);
const Dated = z.object({ label: Text, day: Day });

export const DashboardState = z.object({
  v: z.literal(1),
  workflow: z.string(),
  stage: z.string(),
  since: Day,
  next: Dated.optional(),
  actors: z.array(Username).max(50),
  member: Username.optional(),
  period: z.object({ start: Day.optional(), end: Day.optional(), limit: Day.optional() }).optional(),
  milestones: z.array(Dated).max(20).optional(),
  needsInfo: Day.optional(),
  refused: z
    .array(z.object({ day: Day, verb: z.string().regex(/^[a-z-]{1,30}$/), by: Username }))
    .max(20)
    .optional(),
  outcome: z
    .string()
    .regex(/^[a-z-]{1,40}$/)
    .optional(),
});
export type DashboardState = WrittenState;

/**
 * The issue's state, when the bot's section holds a marker that checks out: of this workflow, at a
 * stage it has, and the stage its label shows (label and marker are written in one update, so a
 * disagreement means someone edited one of them by hand).
 */
export function readState(issue: Issue, definition: WorkflowDefinition): DashboardState | undefined {
  const parsed = DashboardState.safeParse(stateMarkerPayload(issue.description));
  if (!parsed.success) return undefined;
  const state = parsed.data as DashboardState;
  if (state.workflow !== definition.id) return undefined;
  const label = issue.labels.find((l) => l.startsWith(STAGE_PREFIX))?.slice(STAGE_PREFIX.length);
  if (state.stage !== "" && !definition.stages.some((s) => s.id === state.stage)) return undefined;
  if (label !== undefined && state.stage !== "" && label !== state.stage) return undefined;
  return state;
}
