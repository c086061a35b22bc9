import { GitLabNetworkError } from "./errors.js";
import { GitLabError } from "./port.js";

/**
 * Retrying GitLab requests without ever doing a write twice.
 *
 * Reads and PUTs (idempotent here: labels are added/removed by name, the description and due date are
 * set to a value) retry on 429, 500/502/503/504, timeouts and dropped connections. POSTs create
 * something (note, issue, label, link), and after a 5xx, a timeout or a reset we cannot know whether
 * GitLab saved it, so they retry only on 429 (GitLab refuses before doing anything) and on connection
 * errors that prove the request never left (ECONNREFUSED, DNS failures).
 *
 * Waits: `Retry-After` when GitLab sends it, else exponential backoff with full jitter (AWS's
 * "Exponential Backoff and Jitter"), bounded by `maxAttempts` and `maxElapsedMs`.
 */

export interface RetryOptions {
  /** Tries in total, the first included. */
  maxAttempts: number;
  /** No wait may end later than this long after the first try; the last error is thrown instead. */
  maxElapsedMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** First backoff for a 429 without `Retry-After`: GitLab's application limits count per minute. */
  rateLimitBaseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter source. */
  random: () => number;
  /** Milliseconds of a monotonic-enough clock, for the elapsed-time bound. */
  now: () => number;
  onRetry?: (retry: { attempt: number; delayMs: number; error: GitLabError }) => void;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 5,
  maxElapsedMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  rateLimitBaseDelayMs: 5_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  // The one real clock in src/gitlab: it only bounds how long the adapter keeps retrying.
  // process.hrtime, not performance.now(): the global `performance` loads perf_hooks on first use,
  // which the startup snapshot would then carry and set up at every start (docs/maintaining.md "Performance").
  now: () => Number(process.hrtime.bigint()) / 1e6,
};

const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);

/** Whether another try of this request is both useful and unable to duplicate a write. */
export function isRetryable(error: unknown, method: string): boolean {
  if (!(error instanceof GitLabError)) return false;
  if (error.kind === "rate-limited") return true;
  if (method.toUpperCase() === "POST") return error instanceof GitLabNetworkError && !error.reachedServer;
  if (error.kind === "server") return error.status === undefined || RETRYABLE_STATUSES.has(error.status);
  return error.kind === "timeout" || error.kind === "network";
}

/** The wait before try number `attempt + 1` (attempt counts from 1). */
export function retryDelayMs(error: GitLabError, attempt: number, options: RetryOptions): number {
  if (error.kind === "rate-limited" && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const base = error.kind === "rate-limited" ? options.rateLimitBaseDelayMs : options.baseDelayMs;
  const ceiling = Math.min(options.maxDelayMs, base * 2 ** (attempt - 1));
  return Math.floor(options.random() * ceiling);
}

export async function withRetry<T>(
  method: string,
  operation: () => Promise<T>,
  overrides: Partial<RetryOptions> = {},
): Promise<T> {
  const options = { ...DEFAULT_RETRY_OPTIONS, ...overrides };
  const started = options.now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= options.maxAttempts || !isRetryable(error, method)) throw error;
      const gitlabError = error as GitLabError;
      const delayMs = retryDelayMs(gitlabError, attempt, options);
      if (options.now() - started + delayMs > options.maxElapsedMs) throw error;
      options.onRetry?.({ attempt, delayMs, error: gitlabError });
      await options.sleep(delayMs);
    }
  }
}
