import { GitLabError, type GitLabPort, type ProjectHook, type ProjectRef } from "../gitlab/port.js";
import { errorLine } from "./safe-error.js";

/** What a sweep found of the bot's webhook; `failing` and `disabled` make the sweep exit 1. */
export interface HookHealth {
  status: "ok" | "failing" | "disabled" | "none" | "unchecked";
  detail: string;
}

const TRIGGER_PATH = /\/projects\/[^/]+\/ref\/[^/]+\/trigger\/pipeline(\?|$)/;

/** The hooks setup makes: named career-bot (GitLab 17.1+), or posting to a pipeline trigger. */
export function isBotHook(hook: ProjectHook): boolean {
  return hook.name === "career-bot" || TRIGGER_PATH.test(hook.url);
}

/**
 * Reads the bot's webhook and says whether GitLab has auto-disabled it (`alert_status`, GitLab
 * 15.1+). Never throws: a token that may not read hooks (they need Maintainer, a sweep does not)
 * gets "could not check", which is no failure.
 */
export async function checkHookHealth(
  port: GitLabPort,
  project: ProjectRef,
  secrets: string[],
): Promise<HookHealth> {
  let hooks: ProjectHook[];
  try {
    hooks = (await port.listHooks(project)).filter(isBotHook);
  } catch (error) {
    const why =
      error instanceof GitLabError && error.kind === "forbidden"
        ? "the token may not read webhooks (that needs the Maintainer role)"
        : errorLine(error, secrets);
    return { status: "unchecked", detail: `could not check the webhook: ${why}` };
  }
  if (hooks.length === 0)
    return { status: "none", detail: "no career-bot webhook (the sweep alone runs the workflows)" };
  const sick = hooks.find(
    (hook) => hook.alertStatus === "disabled" || hook.alertStatus === "temporarily_disabled",
  );
  if (!sick) {
    const unknown = hooks.every((hook) => hook.alertStatus === null);
    const detail = unknown
      ? `hook #${hooks[0]!.id}: GitLab before 15.1 does not say whether it is disabled`
      : `hook #${hooks[0]!.id} delivers`;
    return { status: "ok", detail };
  }
  const fix =
    "events reach the bot only through this sweep until it is fixed: run career-bot setup, which says why deliveries fail (often the pipeline-variables setting) and re-enables the hook";
  if (sick.alertStatus === "disabled") {
    return { status: "disabled", detail: `hook #${sick.id} is disabled after 40 failed deliveries; ${fix}` };
  }
  return {
    status: "failing",
    detail: `hook #${sick.id} keeps failing: GitLab stopped it until ${sick.disabledUntil ?? "later"}; ${fix}`,
  };
}

export function hookUnhealthy(health: HookHealth | undefined): boolean {
  return health?.status === "failing" || health?.status === "disabled";
}
