/*
 * GitLab's application rate limits that the bot can run into, after `Gitlab::ApplicationRateLimiter`
 * (lib/gitlab/application_rate_limiter.rb): a counter per key and scope, incremented by every
 * request (refused ones too), that expires one interval after its first increment; a request is
 * refused when the count passes the threshold, and a threshold of 0 means no limit. The windows
 * run on the fake's clock, so a test moves past a limit by advancing it.
 */

export interface FakeRateLimits {
  /** `search_rate_limit`: issue lists with `search`, per user (application setting, default 30). */
  searchPerMinute: number;
  /** `web_hook_test`: the hook test endpoint, per project and user (5, GitLab 17.1+). */
  hookTestsPerMinute: number;
  /** `pipelines_created_per_user`: pipelines per user across projects (`pipeline_limit_per_user`, default 0 = off). */
  pipelinesPerUserPerMinute: number;
}

export const GITLAB_RATE_LIMITS: FakeRateLimits = {
  searchPerMinute: 30,
  hookTestsPerMinute: 5,
  pipelinesPerUserPerMinute: 0,
};

const INTERVAL_MS = 60_000;

/** The counters, by `key:scope`: when the window opened (ms) and how many requests it holds. */
export type RateWindows = Map<string, { openedMs: number; count: number }>;

/** `throttled?`: counts this request and says whether it is over the limit. */
export function throttled(windows: RateWindows, key: string, threshold: number, nowMs: number): boolean {
  if (threshold <= 0) return false;
  const window = windows.get(key);
  if (!window || nowMs - window.openedMs >= INTERVAL_MS) {
    windows.set(key, { openedMs: nowMs, count: 1 });
    return 1 > threshold;
  }
  window.count += 1;
  return window.count > threshold;
}
