import type { Day } from "./dates.js";

/** One of the team member's earlier workflows, as a new workflow's section lists it (earlier.ts). */
export interface EarlierWorkflow {
  iid: number;
  /** The workflow's title, e.g. "Interim manager". */
  title: string;
  /** The outcome, or absent while the workflow runs. */
  outcome?: string;
  /** The stage's title while it runs. */
  stage?: string;
  /** The day of the outcome (the close), or the day it was opened while it runs. */
  day: Day;
}
