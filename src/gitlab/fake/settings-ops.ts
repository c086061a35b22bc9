import { FakeApiError } from "./ops.js";
import type { FakeGitLabState } from "./state.js";
import type { FakeHook, FakeProject, FakeRole, FakeSchedule, FakeTrigger, FakeUser } from "./types.js";

/*
 * Project settings as GitLab keeps them: pipeline trigger tokens, webhooks (with masked URL
 * portions) and pipeline schedules, each behind the role GitLab asks for. Shared by the HTTP
 * server and the in-memory port, like ops.ts.
 */

const RANK: FakeRole[] = ["guest", "planner", "reporter", "developer", "maintainer", "owner"];

export function requireRole(
  state: FakeGitLabState,
  user: FakeUser,
  project: FakeProject,
  min: FakeRole,
): void {
  if (RANK.indexOf(state.roleOf(project.id, user.id)) < RANK.indexOf(min)) {
    throw new FakeApiError(403, "403 Forbidden");
  }
}

export function createTrigger(
  state: FakeGitLabState,
  user: FakeUser,
  project: FakeProject,
  description: string,
): FakeTrigger {
  requireRole(state, user, project, "maintainer");
  if (!description.trim()) throw new FakeApiError(400, "description is missing");
  const id = state.nextId("trigger");
  // GitLab's shape: `glptt-` and 40 hex characters. Tests read it from the state to prove it never leaks.
  // node:crypto is loaded here, not at the top: the snapshot's warm-up evaluates this module, and
  // a snapshot holding node:crypto sets it up again at every start (about 2 ms; docs/maintaining.md "Performance").
  const token = `glptt-${process.getBuiltinModule("node:crypto").randomBytes(20).toString("hex")}`;
  const trigger = { id, projectId: project.id, description, token, ownerId: user.id, createdAt: state.now };
  state.triggers.push(trigger);
  return trigger;
}

export function projectTriggers(state: FakeGitLabState, user: FakeUser, project: FakeProject): FakeTrigger[] {
  requireRole(state, user, project, "maintainer");
  return state.triggers.filter((trigger) => trigger.projectId === project.id);
}

export interface HookInput {
  url?: string;
  name?: string | null;
  description?: string | null;
  urlVariables?: Record<string, string>;
  token?: string;
  pushEvents?: boolean;
  issuesEvents?: boolean;
  confidentialIssuesEvents?: boolean;
  noteEvents?: boolean;
  confidentialNoteEvents?: boolean;
}

export function projectHooks(state: FakeGitLabState, user: FakeUser, project: FakeProject): FakeHook[] {
  requireRole(state, user, project, "maintainer");
  return state.hooks.filter((hook) => hook.projectId === project.id);
}

export function createHook(
  state: FakeGitLabState,
  user: FakeUser,
  project: FakeProject,
  input: HookInput,
): FakeHook {
  requireRole(state, user, project, "maintainer");
  if (!input.url) throw new FakeApiError(400, "url is missing");
  const hook: FakeHook = {
    id: state.nextId("hook"),
    projectId: project.id,
    url: input.url,
    name: input.name ?? null,
    description: input.description ?? null,
    urlVariables: { ...input.urlVariables },
    token: input.token ?? null,
    // GitLab turns push events on unless told otherwise.
    pushEvents: input.pushEvents ?? true,
    issuesEvents: input.issuesEvents ?? false,
    confidentialIssuesEvents: input.confidentialIssuesEvents ?? false,
    noteEvents: input.noteEvents ?? false,
    confidentialNoteEvents: input.confidentialNoteEvents ?? false,
    createdAt: state.now,
    recentFailures: 0,
    disabledUntil: null,
  };
  checkHookUrl(hook);
  state.hooks.push(hook);
  return hook;
}

/** The project's hook of that id; GitLab answers 404 for one of another project too. */
export function requireHook(state: FakeGitLabState, project: FakeProject, hookId: number): FakeHook {
  const hook = state.hooks.find((candidate) => candidate.id === hookId && candidate.projectId === project.id);
  if (!hook) throw new FakeApiError(404, "404 Not found");
  return hook;
}

/** PUT: URL variables merge; a new URL resets the variables and the secret token unless both are sent. */
export function updateHook(
  state: FakeGitLabState,
  user: FakeUser,
  project: FakeProject,
  hookId: number,
  input: HookInput,
): FakeHook {
  requireRole(state, user, project, "maintainer");
  const hook = requireHook(state, project, hookId);
  const next: FakeHook = { ...hook, urlVariables: { ...hook.urlVariables } };
  const urlChanged = input.url !== undefined && input.url !== hook.url;
  if (urlChanged) {
    next.url = input.url!;
    if (!input.urlVariables) next.urlVariables = {};
    if (input.token === undefined) next.token = null;
  }
  Object.assign(next.urlVariables, input.urlVariables ?? {});
  for (const key of EVENT_KEYS) if (input[key] !== undefined) next[key] = input[key]!;
  if (input.name !== undefined) next.name = input.name;
  if (input.description !== undefined) next.description = input.description;
  if (input.token !== undefined) next.token = input.token;
  checkHookUrl(next);
  Object.assign(hook, next);
  return hook;
}

const EVENT_KEYS = [
  "pushEvents",
  "issuesEvents",
  "confidentialIssuesEvents",
  "noteEvents",
  "confidentialNoteEvents",
] as const;

/** The URL GitLab posts to: placeholders filled in. */
export function interpolatedUrl(hook: Pick<FakeHook, "url" | "urlVariables">): string {
  return hook.url.replace(/\{([A-Za-z0-9_]+)\}/g, (_, key: string) => hook.urlVariables[key] ?? `{${key}}`);
}

function checkHookUrl(hook: FakeHook): void {
  const missing = [...hook.url.matchAll(/\{([A-Za-z0-9_]+)\}/g)].some(
    ([, key]) => !(key! in hook.urlVariables),
  );
  let valid = !missing;
  try {
    valid &&= /^https?:$/.test(new URL(interpolatedUrl(hook)).protocol);
  } catch {
    valid = false;
  }
  if (!valid) throw new FakeApiError(422, "Invalid url given");
}

export interface ScheduleInput {
  description?: string;
  ref?: string;
  cron?: string;
  cronTimezone?: string;
  active?: boolean;
}

export function projectSchedules(
  state: FakeGitLabState,
  user: FakeUser,
  project: FakeProject,
): FakeSchedule[] {
  requireRole(state, user, project, "developer");
  return state.schedules.filter((schedule) => schedule.projectId === project.id);
}

export function createSchedule(
  state: FakeGitLabState,
  user: FakeUser,
  project: FakeProject,
  input: ScheduleInput,
): FakeSchedule {
  requireRole(state, user, project, "developer");
  for (const key of ["description", "ref", "cron"] as const) {
    if (!input[key]) throw new FakeApiError(400, `${key} is missing`);
  }
  const schedule: FakeSchedule = {
    id: state.nextId("schedule"),
    projectId: project.id,
    description: input.description!,
    ref: input.ref!,
    cron: input.cron!,
    cronTimezone: input.cronTimezone ?? "UTC",
    active: input.active ?? true,
    ownerId: user.id,
    createdAt: state.now,
    updatedAt: state.now,
  };
  checkCron(schedule.cron);
  state.schedules.push(schedule);
  return schedule;
}

export function updateSchedule(
  state: FakeGitLabState,
  user: FakeUser,
  project: FakeProject,
  scheduleId: number,
  input: ScheduleInput,
): FakeSchedule {
  requireRole(state, user, project, "developer");
  const schedule = state.schedules.find((s) => s.id === scheduleId && s.projectId === project.id);
  if (!schedule) throw new FakeApiError(404, "404 Not found");
  if (input.cron !== undefined) checkCron(input.cron);
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) Object.assign(schedule, { [key]: value });
  }
  schedule.updatedAt = state.now;
  return schedule;
}

function checkCron(cron: string): void {
  if (cron.trim().split(/\s+/).length !== 5) throw new FakeApiError(400, "cron is invalid syntax");
}
