import type { GitLabPort, Project, User } from "../gitlab/port.js";

/** What every setup step shares. */
export interface SetupContext {
  port: GitLabPort;
  project: Project;
  /** The token's user: a trigger token is usable only when it owns it. */
  bot: User;
  /** Instance URL without `/api/v4`. */
  gitlabUrl: string;
  dryRun: boolean;
  /** Cut out of every message; setup adds the trigger token once it has one. */
  secrets: string[];
}
