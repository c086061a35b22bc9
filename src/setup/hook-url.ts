import type { HookEvents } from "../gitlab/port.js";

/** The URL variable holding the trigger token: GitLab shows `{trigger_token}` in its place. */
export const TRIGGER_VARIABLE = "trigger_token";

/** Issues, confidential issues, comments and confidential comments (SPEC section 1); push off. */
export const HOOK_EVENTS: HookEvents = {
  issues: true,
  confidentialIssues: true,
  notes: true,
  confidentialNotes: true,
  push: false,
};

const EVENT_NAMES: Record<keyof HookEvents, string> = {
  issues: "issues",
  confidentialIssues: "confidential issues",
  notes: "comments",
  confidentialNotes: "confidential comments",
  push: "push",
};

export function eventNames(events: HookEvents): string {
  return (Object.keys(EVENT_NAMES) as Array<keyof HookEvents>)
    .filter((key) => events[key])
    .map((key) => EVENT_NAMES[key])
    .join(", ");
}

/** What differs from the events the bot needs, e.g. `comments off -> on`. */
export function eventDifferences(events: HookEvents): string[] {
  return (Object.keys(HOOK_EVENTS) as Array<keyof HookEvents>)
    .filter((key) => events[key] !== HOOK_EVENTS[key])
    .map((key) => `${EVENT_NAMES[key]} events ${events[key] ? "on -> off" : "off -> on"}`);
}

/** The pipeline-trigger endpoint of the project's default branch, without the token. */
export function triggerEndpoint(gitlabUrl: string, projectId: number, branch: string): string {
  return `${gitlabUrl.replace(/\/+$/, "")}/api/v4/projects/${projectId}/ref/${encodeURIComponent(branch)}/trigger/pipeline`;
}

/** The hook URL with the token as a masked portion, which is also how GitLab shows it. */
export function maskedTriggerUrl(endpoint: string): string {
  return `${endpoint}?token={${TRIGGER_VARIABLE}}`;
}

/** Whether a hook (as GitLab shows it) already posts to this endpoint, whatever token it carries. */
export function postsTo(hookUrl: string, endpoint: string): boolean {
  return hookUrl.split("?")[0]!.replace(/\/+$/, "").toLowerCase() === endpoint.toLowerCase();
}

export function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, "").toLowerCase() === b.replace(/\/+$/, "").toLowerCase();
}

/**
 * A URL fit to print: query values and passwords become `[masked]` (a hook made by hand may carry
 * the trigger token in plain text); `{placeholders}` stay, they hold nothing.
 */
export function maskUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "[unparsable URL]";
  }
  if (parsed.password) parsed.password = "masked";
  const query = [...parsed.searchParams].map(([key, value]) => {
    const shown = /^\{[A-Za-z0-9_]+\}$/.test(value) ? value : "[masked]";
    return `${encodeURIComponent(key)}=${shown}`;
  });
  parsed.search = "";
  return `${parsed.toString()}${query.length ? `?${query.join("&")}` : ""}`;
}
