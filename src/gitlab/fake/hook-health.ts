import type { HookAlertStatus } from "../port.js";
import { addDuration, parseIso } from "./dates.js";
import { FakeApiError } from "./ops.js";
import { triggerPipeline } from "./pipeline-variables.js";
import { throttleHookTest } from "./rate-limits.js";
import { interpolatedUrl, requireHook, requireRole } from "./settings-ops.js";
import type { FakeGitLabState } from "./state.js";
import type { FakeHook, FakeProject, FakeUser } from "./types.js";

/*
 * GitLab's auto-disabling of failing project hooks, after `WebHooks::AutoDisabling`
 * (app/models/concerns/web_hooks/auto_disabling.rb, the `auto_disabling_web_hooks` flag on, as on
 * GitLab.com): the 4th failure in a row disables a hook for a minute, each further failure doubles
 * that up to a day, and the 40th disables it for good. A 2xx delivery (a test delivery too) calls
 * `enable!`, which clears both counters.
 */

const TEMPORARILY_DISABLED_FAILURE_THRESHOLD = 3;
const PERMANENTLY_DISABLED_FAILURE_THRESHOLD = 39;
const INITIAL_BACKOFF_S = 60;
const MAX_BACKOFF_S = 86_400;

export function alertStatus(hook: FakeHook, now: string): HookAlertStatus {
  if (temporarilyDisabled(hook, now)) return "temporarily_disabled";
  if (hook.recentFailures > PERMANENTLY_DISABLED_FAILURE_THRESHOLD) return "disabled";
  return "executable";
}

function temporarilyDisabled(hook: FakeHook, now: string): boolean {
  return (
    hook.disabledUntil !== null &&
    parseIso(hook.disabledUntil) >= parseIso(now) &&
    hook.recentFailures > TEMPORARILY_DISABLED_FAILURE_THRESHOLD &&
    hook.recentFailures <= PERMANENTLY_DISABLED_FAILURE_THRESHOLD
  );
}

/** `backoff!`: counts a failure of an executable hook; past the grace, disables it for a while. */
export function backoff(hook: FakeHook, now: string): void {
  if (alertStatus(hook, now) !== "executable") return;
  const seconds = Math.min(
    MAX_BACKOFF_S,
    Math.max(
      INITIAL_BACKOFF_S,
      INITIAL_BACKOFF_S * 2 ** (hook.recentFailures - TEMPORARILY_DISABLED_FAILURE_THRESHOLD),
    ),
  );
  hook.recentFailures = Math.min(hook.recentFailures + 1, PERMANENTLY_DISABLED_FAILURE_THRESHOLD + 1);
  if (hook.recentFailures > TEMPORARILY_DISABLED_FAILURE_THRESHOLD) {
    hook.disabledUntil = addDuration(now, { seconds });
  }
}

/** `enable!`. */
export function enable(hook: FakeHook): void {
  hook.recentFailures = 0;
  hook.disabledUntil = null;
}

/**
 * For tests: `times` failed deliveries in a row, all at the fake's clock. GitLab sends nothing to a
 * disabled hook, so once it is disabled further calls change nothing until the clock passes
 * `disabledUntil` (4 calls disable it for a minute).
 */
export function failHook(state: FakeGitLabState, hookId: number, times: number): FakeHook {
  const hook = state.hooks.find((candidate) => candidate.id === hookId);
  if (!hook) throw new Error(`no hook #${hookId} in the fake`);
  for (let i = 0; i < times; i += 1) backoff(hook, state.now);
  return hook;
}

const TRIGGER_PATH = /\/api\/v4\/projects\/([^/]+)\/ref\/([^/]+)\/trigger\/pipeline$/;

/**
 * One delivery: a hook to the fake's own trigger endpoint is answered by it (so a project that
 * refuses pipeline variables makes the delivery fail, as on GitLab); any other receiver answers
 * `state.hookReceiverStatus`.
 */
export function deliver(
  state: FakeGitLabState,
  hook: FakeHook,
  payload: Record<string, unknown>,
): { status: number; body: string } {
  let url: URL;
  try {
    url = new URL(interpolatedUrl(hook));
  } catch {
    return { status: 0, body: "bad URI" };
  }
  const match = TRIGGER_PATH.exec(url.pathname);
  if (!match) return { status: state.hookReceiverStatus, body: "" };
  const project = state.findProject(decodeURIComponent(match[1]!));
  if (!project) return { status: 404, body: JSON.stringify({ message: "404 Project Not Found" }) };
  try {
    const pipeline = triggerPipeline(
      state,
      project,
      decodeURIComponent(match[2]!),
      url.searchParams.get("token") ?? "",
      payload,
    );
    return { status: 201, body: JSON.stringify({ id: pipeline.id }) };
  } catch (error) {
    if (!(error instanceof FakeApiError)) throw error;
    return { status: error.status, body: JSON.stringify(triggerErrorBody(error)) };
  }
}

/** How the trigger endpoint renders a refusal: the pipeline's errors by attribute, else a message. */
export function triggerErrorBody(error: FakeApiError): Record<string, unknown> {
  if ("errors" in error && Array.isArray(error.errors)) return { message: { base: error.errors } };
  return { message: error.message };
}

const TRIGGERS = ["push_events", "issues_events", "confidential_issues_events", "note_events"];

/**
 * `POST /projects/:id/hooks/:hook_id/test/:trigger` (lib/api/hooks/trigger_test.rb): delivers a
 * sample event even to a disabled hook (`force: true`); 201 on a 2xx answer, else 422 with the
 * receiver's answer as the message.
 */
export function testHook(
  state: FakeGitLabState,
  user: FakeUser,
  project: FakeProject,
  hookId: number,
  trigger: string,
): void {
  requireRole(state, user, project, "maintainer");
  if (!TRIGGERS.includes(trigger)) throw new FakeApiError(400, "trigger does not have a valid value");
  const hook = requireHook(state, project, hookId);
  throttleHookTest(state, project.id, user.id);
  if (trigger === "push_events" && !project.defaultBranch) {
    throw new FakeApiError(422, "Ensure the project has at least one commit.");
  }
  const sample = { object_kind: trigger.replace(/_events$/, ""), project_id: project.id, user_id: user.id };
  const answer = deliver(state, hook, sample);
  if (answer.status >= 200 && answer.status < 300) {
    enable(hook);
    return;
  }
  backoff(hook, state.now);
  throw new FakeApiError(422, answer.body || `${answer.status}`);
}
