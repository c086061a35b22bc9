import type { Config } from "../config/schema.js";
import type { Day } from "../engine/dates.js";
import type { Issue } from "../gitlab/port.js";

/**
 * What the dashboard is built from: issue listings only, never notes, so building it costs one
 * request per 100 issues. Whatever the dashboard shows about a workflow (stage, since when, next
 * checkpoint, who acts) must therefore be readable from the issue itself: its labels, its due date
 * and the bot's own section of its description.
 */
export interface DashboardInput {
  config: Config;
  now: Date;
  /** `now` as a day in the config's time zone. */
  today: Day;
  /** The bot's user id: what it wrote (issues it opened, its conversation tokens) is told apart by it. */
  botId: number;
  /** Open issues that carry a `career::` workflow label, conversation issues included. */
  open: Issue[];
  /** Workflow issues (a `career::` label) closed in the last 12 months. */
  closed: Issue[];
  /** Open follow-up issues the bot created (they carry no workflow label). */
  followUps: Issue[];
}

/** What `career-bot report` prints and what the dashboard issue's description holds. */
export interface DashboardContent {
  /** The dashboard issue's whole description: safe Markdown, no mentions, no quick actions. */
  markdown: string;
  /** `report --format json`. */
  json: unknown;
  /** `report --format csv`: a header line, then one row per workflow issue. */
  csv: string;
}

/** The label that marks the dashboard issue. It is not a workflow label, so no workflow runs on it. */
export const DASHBOARD_LABEL = "career-dashboard";

/**
 * The checkbox a person ticks to make the bot reconcile every open workflow on the next event. The
 * bot renders it unticked and unticks it after the catch-up.
 */
export const RECHECK_ITEM = "Re-check every workflow now";
