import { GitbeakerGitLab } from "../gitlab/gitbeaker.js";
import type { GitLabPort } from "../gitlab/port.js";
import type { Settings } from "./settings.js";

/** The real adapter for a run. */
export function connect(settings: Settings, env: NodeJS.ProcessEnv = process.env): GitLabPort {
  return new GitbeakerGitLab({ host: settings.url, token: settings.token, ...timingFrom(env) });
}

/**
 * Test and benchmark knobs (docs/maintaining.md "Testing"): `CAREER_BOT_RETRY_BASE_MS` scales every backoff (a 429
 * without Retry-After waits ten times it, as in the defaults) and `CAREER_BOT_REQUEST_TIMEOUT_MS`
 * bounds each try, so fault suites run the real retry loop in milliseconds. Unset, the defaults hold.
 */
function timingFrom(env: NodeJS.ProcessEnv): {
  retry?: { baseDelayMs: number; rateLimitBaseDelayMs: number; maxDelayMs: number };
  requestTimeoutMs?: number;
} {
  const base = positive(env.CAREER_BOT_RETRY_BASE_MS);
  const timeout = positive(env.CAREER_BOT_REQUEST_TIMEOUT_MS);
  return {
    ...(base === undefined
      ? {}
      : { retry: { baseDelayMs: base, rateLimitBaseDelayMs: base * 10, maxDelayMs: base * 30 } }),
    ...(timeout === undefined ? {} : { requestTimeoutMs: timeout }),
  };
}

function positive(text: string | undefined): number | undefined {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}
