import type { Config } from "../config/schema.js";
import type { Pacer } from "../engine/pacer.js";
import type { Renderer } from "../engine/render.js";
import type { StateSigner } from "../engine/state-signature.js";
import type { WriteBudget } from "../engine/writer.js";
import type { GitLabPort, Issue, User } from "../gitlab/port.js";

/** Where a run reports what it does; the CLI prints it, tests collect it. */
export interface Reporter {
  /** A line for people watching the job. Never holds a token. */
  info(line: string): void;
  /** Start and end of one issue's work (GitLab CI collapsible sections, headed by the title). */
  beginIssue?(ref: string, issue?: Pick<Issue, "iid" | "title" | "webUrl">): void;
  endIssue?(ref: string): void;
}

/** Everything one run shares: the port, the config, the clock and the budget. */
export interface RunContext {
  port: GitLabPort;
  config: Config;
  renderer: Renderer;
  bot: User;
  now: Date;
  dryRun: boolean;
  budget: WriteBudget;
  /** Set in trigger mode only (see trigger-mode.ts): `serve` and runs elsewhere never wait. */
  pacer?: Pacer;
  reporter: Reporter;
  /** Users looked up during this run (lower-cased username -> user or null). */
  userCache: Map<string, User | null>;
  /**
   * Signs the state markers the run writes and checks those the dashboard reads
   * (engine/state-signature.ts). Every command that talks to GitLab sets it; without it markers go
   * unsigned and are taken as they are (tests that do not look at signatures).
   */
  stateSigner?: StateSigner;
}
