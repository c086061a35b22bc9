import type { Issue, Note, User } from "../gitlab/port.js";

/** What the engine knows about one issue, read right before deciding. */
export interface Snapshot {
  issue: Issue;
  notes: Note[];
  bot: User;
  /** People of the data block looked up on the instance (lower-cased username -> user, null: none). */
  users: ReadonlyMap<string, User | null>;
  /** People on record (lower-cased usernames) no longer on the instance: their role falls to people ops. */
  departed?: ReadonlySet<string>;
}
