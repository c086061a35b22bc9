import type { Config } from "../config/schema.js";
import { addMonths, type Day, daysBetween } from "../engine/dates.js";
import { interimManager } from "../workflows/interim-manager.js";
import type { WorkflowView } from "./view.js";

/** How far back the outcomes go. */
export const OUTCOME_WINDOW_MONTHS = 12;

export interface OutcomeSummary {
  /** Workflow title -> outcome -> count, for issues closed in the window. */
  counts: { workflow: string; outcome: string; count: number }[];
  interim: {
    /** Days from the interim start to the promotion, median; undefined with no promotion. */
    medianDaysToPromotion?: number;
    promoted: number;
    /** Interims closed in the window whose end (the final stage's day) came by the limit. */
    withinLimit: number;
    /** Interims closed in the window with a known start. */
    ended: number;
    limitMonths: number;
  };
}

/**
 * Outcomes of the workflows closed in the last 12 months, and for interims how long they took:
 * from the interim start to the day the final stage was entered, against its recorded limit (else the config's).
 */
export function outcomeSummary(views: WorkflowView[], config: Config, today: Day): OutcomeSummary {
  const from = addMonths(today, -OUTCOME_WINDOW_MONTHS);
  const closed = views.filter(
    (v) => v.closedDay !== undefined && v.closedDay >= from && v.closedDay <= today,
  );
  const tally = new Map<string, { workflow: string; outcome: string; count: number }>();
  for (const view of closed) {
    const outcome = view.outcome ?? "closed without an outcome";
    const key = `${view.definition.title}\n${outcome}`;
    const entry = tally.get(key) ?? { workflow: view.definition.title, outcome, count: 0 };
    entry.count += 1;
    tally.set(key, entry);
  }
  const limitMonths = config.interim.max_months;
  const interims = closed.flatMap((view) => {
    const start = view.state?.period?.start;
    // An interim found not required never started: it has no period to measure.
    if (view.definition.id !== interimManager.id || !start || view.outcome === "not-required") return [];
    // The day the final stage was entered, when it was: an interim closed by hand mid-way ended on
    // the day it was closed, not the day its last stage began.
    const final = view.definition.stages.find((s) => s.id === view.stageId)?.final === true;
    const end = (final ? view.state?.since : undefined) ?? view.closedDay!;
    // The limit the bot recorded for this interim (the config may have changed since), else the config's.
    const limit = view.state?.period?.limit ?? addMonths(start, limitMonths);
    return [{ view, start, end, limit, days: daysBetween(start, end) }];
  });
  const promotions = interims.filter((i) => i.view.outcome === "promoted").map((i) => i.days);
  const median = medianOf(promotions);
  return {
    counts: [...tally.values()].sort(
      (a, b) => a.workflow.localeCompare(b.workflow) || a.outcome.localeCompare(b.outcome),
    ),
    interim: {
      ...(median !== undefined ? { medianDaysToPromotion: median } : {}),
      promoted: promotions.length,
      withinLimit: interims.filter((i) => i.end <= i.limit).length,
      ended: interims.length,
      limitMonths,
    },
  };
}

export function medianOf(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
