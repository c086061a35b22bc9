import { ProjectNotFoundError, TokenRejectedError } from "../errors.js";
import { GitLabError } from "./port.js";

/**
 * A GitLab error that says the settings are wrong, not that some work failed: 401 means the token,
 * 404 or 403 on the project itself means the project setting. Those are exit 2 (bad config, SPEC
 * section 2), with the fix; anything else is returned as it is.
 */
export function settingError(error: unknown, settings: { url?: string; project?: string | number }): unknown {
  if (!(error instanceof GitLabError)) return error;
  if (error.kind === "unauthorized" && settings.url !== undefined)
    return new TokenRejectedError(settings.url);
  if (settings.project !== undefined && (error.kind === "not-found" || error.kind === "forbidden")) {
    return new ProjectNotFoundError(String(settings.project), error.status);
  }
  return error;
}
