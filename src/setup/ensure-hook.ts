import { GitLabError, type HookSettings, type ProjectHook } from "../gitlab/port.js";
import { errorLine } from "../run/safe-error.js";
import type { SetupContext } from "./context.js";
import type { TriggerOutcome } from "./ensure-trigger.js";
import { failedStep } from "./failure.js";
import {
  eventDifferences,
  eventNames,
  HOOK_EVENTS,
  maskedTriggerUrl,
  maskUrl,
  postsTo,
  sameUrl,
  TRIGGER_VARIABLE,
  triggerEndpoint,
} from "./hook-url.js";
import type { StepResult } from "./report.js";

const HOOK_NAME = "career-bot";
const HOOK_DESCRIPTION = "Issue and comment events for career-bot (made by career-bot setup)";

/** Where the webhook should post: the pipeline trigger, or a `career-bot serve` with its secret. */
export type HookTarget =
  | { kind: "trigger"; trigger: TriggerOutcome }
  | { kind: "serve"; url: string; secret: string };

/**
 * Makes sure one project webhook posts the four events to the target. A hook that posts there
 * already is kept; its events are corrected, and a trigger hook gets the new token when this run
 * had to make a new trigger. The token travels only as a masked URL portion.
 */
export async function ensureHook(ctx: SetupContext, target: HookTarget): Promise<StepResult> {
  const branch = ctx.project.defaultBranch;
  if (target.kind === "trigger" && !branch) {
    const detail = "the project has no default branch, so there is no pipeline to trigger";
    return {
      step: "webhook",
      status: "skipped",
      detail,
      fix: "push the repository (with .gitlab-ci.yml), then run setup again",
    };
  }
  const endpoint = target.kind === "trigger" ? triggerEndpoint(ctx.gitlabUrl, ctx.project.id, branch!) : "";
  const shownUrl = target.kind === "trigger" ? maskedTriggerUrl(endpoint) : maskUrl(target.url);
  if (target.kind === "trigger" && !target.trigger.token && !ctx.dryRun) {
    return {
      step: "webhook",
      status: "skipped",
      detail: `a webhook to ${shownUrl} needs the pipeline trigger, which setup could not get`,
      fix: "fix the trigger step above, then run setup again",
    };
  }
  let hooks: ProjectHook[];
  try {
    hooks = await ctx.port.listHooks(ctx.project.id);
  } catch (error) {
    return failedStep("webhook", "cannot list the project's webhooks", error, ctx.secrets);
  }
  const matches = (hook: ProjectHook) =>
    target.kind === "trigger" ? postsTo(hook.url, endpoint) : sameUrl(hook.url, target.url);
  const existing = hooks.find(matches);
  const notes = otherHookNotes(ctx, hooks, existing, target);
  const events = eventNames(HOOK_EVENTS);
  const settings = desiredSettings(target, shownUrl);
  if (!existing) {
    if (ctx.dryRun)
      return { step: "webhook", status: "planned", detail: `would create ${shownUrl} <- ${events}`, notes };
    try {
      await ctx.port.createHook(ctx.project.id, settings);
      return { step: "webhook", status: "created", detail: `${shownUrl} <- ${events}`, notes };
    } catch (error) {
      return {
        ...failedStep("webhook", `cannot create the webhook to ${shownUrl}`, error, ctx.secrets),
        notes,
      };
    }
  }
  const changes = eventDifferences(existing.events);
  const newToken = target.kind === "trigger" && target.trigger.fresh;
  if (newToken) changes.push("token -> the new pipeline trigger's");
  const needsUpdate = changes.length > 0;
  const disabled = disabledLine(existing);
  if (disabled) changes.push(`re-enable: ${disabled}; a test delivery re-enables it`);
  if (changes.length === 0) {
    return { step: "webhook", status: "unchanged", detail: `${maskUrl(existing.url)} <- ${events}`, notes };
  }
  if (ctx.dryRun) {
    return {
      step: "webhook",
      status: "planned",
      detail: `would update hook #${existing.id} (${maskUrl(existing.url)})`,
      changes,
      notes,
    };
  }
  // Same URL keeps GitLab's stored token and URL variables; a new trigger token replaces the URL.
  const update: HookSettings = newToken
    ? settings
    : { ...settings, url: existing.url, urlVariables: undefined };
  try {
    if (needsUpdate) await ctx.port.updateHook(ctx.project.id, existing.id, update);
  } catch (error) {
    return { ...failedStep("webhook", `cannot update hook #${existing.id}`, error, ctx.secrets), notes };
  }
  if (disabled) {
    const failed = await reenable(ctx, existing, disabled);
    if (failed) return { ...failed, notes };
  }
  return {
    step: "webhook",
    status: "updated",
    detail: `hook #${existing.id} (${newToken ? shownUrl : maskUrl(existing.url)})`,
    changes,
    notes,
  };
}

/** What GitLab's auto-disabling did to the hook, or undefined while it delivers. */
function disabledLine(hook: ProjectHook): string | undefined {
  if (hook.alertStatus === "disabled") return "GitLab disabled it after 40 failed deliveries in a row";
  if (hook.alertStatus === "temporarily_disabled") {
    return `GitLab disabled it until ${hook.disabledUntil ?? "later"} after failed deliveries`;
  }
  return undefined;
}

/**
 * GitLab re-enables an auto-disabled hook on its next 2xx delivery (`enable!`, called from
 * WebHooks::LogExecutionService), and a test delivery is sent even to a disabled hook
 * (TestHooks::BaseService, `force: true`). Its trigger is a push event: the default branch has a
 * commit to describe, and the bot ignores push events, so the pipeline it starts does nothing.
 */
async function reenable(ctx: SetupContext, hook: ProjectHook, why: string): Promise<StepResult | undefined> {
  try {
    await ctx.port.testHook(ctx.project.id, hook.id, "push_events");
    return undefined;
  } catch (error) {
    const detail = `hook #${hook.id}: ${why}, and the test delivery that would re-enable it failed: ${errorLine(error, ctx.secrets)}`;
    if (error instanceof GitLabError && error.kind === "rate-limited") {
      // GitLab 17.1+ allows 5 test deliveries a minute per project and user (web_hook_test).
      return {
        step: "webhook",
        status: "failed",
        detail,
        fix: "GitLab allows five hook tests a minute for each project and user: run setup again in a minute",
      };
    }
    return {
      step: "webhook",
      status: "failed",
      detail,
      fix: "fix what the variables step above reports (a refused pipeline fails the delivery), then run setup again; the hook's Recent events in Settings > Webhooks show GitLab's answers. Before GitLab 16.11 there is no test API: press Test > Push events there.",
    };
  }
}

function desiredSettings(target: HookTarget, maskedUrl: string): HookSettings {
  const base = { name: HOOK_NAME, description: HOOK_DESCRIPTION, events: HOOK_EVENTS };
  if (target.kind === "serve") return { ...base, url: target.url, token: target.secret };
  const token = target.trigger.token ?? "";
  return { ...base, url: maskedUrl, urlVariables: { [TRIGGER_VARIABLE]: token } };
}

/** Another hook that also feeds the bot would make it handle every event twice. */
function otherHookNotes(
  ctx: SetupContext,
  hooks: ProjectHook[],
  existing: ProjectHook | undefined,
  target: HookTarget,
): string[] | undefined {
  if (target.kind !== "serve" || !ctx.project.defaultBranch) return undefined;
  const endpoint = triggerEndpoint(ctx.gitlabUrl, ctx.project.id, ctx.project.defaultBranch);
  const doubles = hooks.filter((hook) => hook !== existing && postsTo(hook.url, endpoint));
  return doubles.length
    ? doubles.map(
        (hook) =>
          `hook #${hook.id} also posts events to the pipeline trigger; delete it or every event is handled twice`,
      )
    : undefined;
}
