import { GitbeakerGitLab } from "../gitlab/gitbeaker.js";
import type { GitLabPort } from "../gitlab/port.js";
import type { Settings } from "./run-command.js";

/** The real adapter for a run. */
export function connect(settings: Settings): GitLabPort {
  return new GitbeakerGitLab({ host: settings.url, token: settings.token });
}
