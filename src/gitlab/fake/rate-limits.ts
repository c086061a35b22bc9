import { FakeApiError } from "./ops.js";
import type { FakeRateLimits, RateWindows } from "./rate-windows.js";

/* The refusals of GitLab's application rate limits (rate-windows.ts counts the requests). */

/** `check_rate_limit!`'s refusal (lib/api/helpers/rate_limiter.rb): 429 with this JSON body. */
export class RateLimitRefused extends FakeApiError {
  readonly body = { message: { error: "This endpoint has been requested too many times. Try again later." } };
  constructor() {
    super(429, "This endpoint has been requested too many times. Try again later.");
  }
}

/** The pipeline chain's refusal (lib/gitlab/ci/pipeline/chain/limit/rate_limit.rb). */
export const PIPELINE_THROTTLE_MESSAGE = "Too many pipelines created in the last minute. Try again later.";

/** What of the fake's state the limits use (records.ts holds it; named here so no import loops back). */
interface LimitedState {
  readonly now: string;
  rateLimits: FakeRateLimits;
  readonly rateWindows: RateWindows;
  overLimit(key: string, threshold: number): boolean;
}

/** Counts the request and refuses it with GitLab's 429 when it is over the limit. */
function refuseOver(state: LimitedState, key: string, threshold: number): void {
  if (state.overLimit(key, threshold)) throw new RateLimitRefused();
}

/** lib/api/issues.rb: `validate_search_rate_limit!` when `search` is given, per user, every page. */
export function throttleSearch(state: LimitedState, userId: number, search: unknown): void {
  if (search === undefined || search === null || search === "") return;
  refuseOver(state, `search_rate_limit:user:${userId}`, state.rateLimits.searchPerMinute);
}

/** lib/api/hooks/trigger_test.rb: `check_rate_limit!(:web_hook_test, scope: [hook.parent, current_user])`. */
export function throttleHookTest(state: LimitedState, projectId: number, userId: number): void {
  refuseOver(state, `web_hook_test:project:${projectId}:user:${userId}`, state.rateLimits.hookTestsPerMinute);
}

/** Whether one more pipeline of this user passes `pipelines_created_per_user` (counts it either way). */
export function pipelineThrottled(state: LimitedState, userId: number): boolean {
  return state.overLimit(
    `pipelines_created_per_user:user:${userId}`,
    state.rateLimits.pipelinesPerUserPerMinute,
  );
}
