import { HumanActor } from "./human.js";
import { FakeGitLabRecords } from "./records.js";

export type { FakeStateSeed } from "./records.js";

/**
 * An in-memory GitLab: its records (records.ts) and `as(username)`, a person acting through the UI.
 * The records live apart so that GitLab's behaviours (ops.ts, human.ts, ...) depend on them without
 * depending back on this entry point: no import cycle.
 */
export class FakeGitLabState extends FakeGitLabRecords {
  /** Acts as a human; each action returns and records the webhook payloads GitLab would send. */
  as(username: string): HumanActor {
    return new HumanActor(this, this.requireUser(username));
  }
}
