import { GitLabError, type GitLabErrorKind } from "../gitlab/port.js";
import { errorLine } from "./safe-error.js";

/** One issue (or the dashboard) that a run could not finish, as the summary lists it. */
export interface RunFailure {
  ref: string;
  error: string;
  /**
   * Set when running the same work again later may well succeed: GitLab was busy or unreachable
   * (5xx, 429, a timeout, a dropped connection). Absent for what a retry cannot mend (403, 404, a
   * bad config or template). `serve` re-queues the issue on it; a CI retry can key on it too.
   */
  retryable?: true;
}

/*
 * The kinds a later try can get past. A 5xx or a cut connection on a create is not retried inside
 * the run (GitLab may have saved it), but running the whole issue again is safe: handling is
 * level-triggered and every note the bot writes is keyed, so a saved note is found, not repeated.
 */
const PASSING: ReadonlySet<GitLabErrorKind> = new Set(["server", "rate-limited", "timeout", "network"]);

/** Whether the error is GitLab being busy or unreachable, rather than something a retry repeats. */
export function worthRetrying(error: unknown): boolean {
  return error instanceof GitLabError && PASSING.has(error.kind);
}

/** The summary's entry for work that failed, marked retryable when a later try may pass. */
export function failureOf(ref: string, error: unknown, secrets: string[]): RunFailure {
  const failure: RunFailure = { ref, error: errorLine(error, secrets) };
  if (worthRetrying(error)) failure.retryable = true;
  return failure;
}
