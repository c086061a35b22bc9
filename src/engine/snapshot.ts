import type { Issue, Note, User } from "../gitlab/port.js";
import type { EarlierWorkflow } from "./earlier.js";

/** What the engine knows about one issue, read right before deciding. */
export interface Snapshot {
  issue: Issue;
  notes: Note[];
  bot: User;
  /** People of the data block looked up on the instance (lower-cased username -> user, null: none). */
  users: ReadonlyMap<string, User | null>;
  /** People on record (lower-cased usernames) no longer on the instance: their role falls to people ops. */
  departed?: ReadonlySet<string>;
  /**
   * The team member's earlier workflows, when this run starts the workflow and listed them (one
   * listing, src/run/read.ts); absent on every later run, which reads them from the state marker.
   */
  earlier?: EarlierWorkflow[];
}
