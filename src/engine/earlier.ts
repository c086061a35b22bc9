import type { Issue } from "../gitlab/port.js";
import { stateMarkerPayload } from "./dashboard-state.js";
import { parseDay } from "./dates.js";
import type { EarlierWorkflow } from "./earlier-workflow.js";

export type { EarlierWorkflow } from "./earlier-workflow.js";

/**
 * The team member's earlier workflows, shown in a new workflow's "At a glance". They are listed once,
 * when the workflow starts (the run's read step, src/run/read.ts, on an issue whose section has no
 * state marker yet), and kept in the state marker; every later run reads them back from the
 * description it has already read, so the "once" holds across runs at no cost per event.
 *
 * Career data is confidential: the listing keeps confidential issues only, and only a confidential
 * issue shows them (or keeps them in its marker, which anyone who can read the description can decode).
 */

/** The most the section lists: a long career still fits on a phone's screen. */
export const MAX_EARLIER = 5;

const TITLE = /^[A-Za-z][A-Za-z ]{0,59}$/;
const OUTCOME = /^[a-z-]{1,40}$/;

function checked(value: unknown): EarlierWorkflow | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  if (!Number.isInteger(v.iid) || (v.iid as number) <= 0) return undefined;
  if (typeof v.title !== "string" || !TITLE.test(v.title)) return undefined;
  if (typeof v.day !== "string" || parseDay(v.day) !== v.day) return undefined;
  if (v.outcome !== undefined && (typeof v.outcome !== "string" || !OUTCOME.test(v.outcome)))
    return undefined;
  if (v.stage !== undefined && (typeof v.stage !== "string" || !TITLE.test(v.stage))) return undefined;
  // One key order whether listed or read back: the marker's text must not change between runs.
  return {
    iid: v.iid as number,
    title: v.title,
    ...(v.outcome ? { outcome: v.outcome as string } : {}),
    ...(v.stage ? { stage: v.stage as string } : {}),
    day: v.day,
  };
}

/**
 * What this run shows: a fresh listing's result (`listed`, at the start), else what the marker kept.
 * Nothing on an issue that is not confidential.
 */
export function earlierWorkflows(
  issue: Issue,
  listed: readonly EarlierWorkflow[] | undefined,
): EarlierWorkflow[] {
  if (!issue.confidential) return [];
  const kept =
    listed ?? (stateMarkerPayload(issue.description) as { earlier?: unknown } | undefined)?.earlier;
  return Array.isArray(kept) ? kept.flatMap((e) => checked(e) ?? []).slice(-MAX_EARLIER) : [];
}

/**
 * Whether this run starts the workflow and may list the person's history: open, confidential, and no
 * marker yet. A closed issue is never written again (only replies), so it would never get a marker
 * and would list at every event.
 */
export function startsWorkflow(issue: Issue): boolean {
  return (
    issue.state === "opened" && issue.confidential && stateMarkerPayload(issue.description) === undefined
  );
}

/** "Earlier: #12 Interim manager, promoted 2026-02-21; #14 Promotion, open (Review) since 2026-03-01" */
export function earlierLine(earlier: readonly EarlierWorkflow[]): string | undefined {
  if (earlier.length === 0) return undefined;
  const parts = earlier.map((e) =>
    e.outcome
      ? `#${e.iid} ${e.title}, ${e.outcome.replace(/-/g, " ")} ${e.day}`
      : `#${e.iid} ${e.title}, open${e.stage ? ` (${e.stage})` : ""} since ${e.day}`,
  );
  return `Earlier: ${parts.join("; ")}`;
}
