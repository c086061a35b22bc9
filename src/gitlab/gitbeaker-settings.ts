import type { PipelineSchedules, PipelineTriggerTokens, ProjectHooks, Projects } from "@gitbeaker/core";
import * as z from "zod";
import { toHook, toProject, toSchedule, toTriggerToken } from "./mappers.js";
import {
  GitLabError,
  type HookSettings,
  type NewPipelineSchedule,
  type PipelineSchedule,
  type PipelineVariablesRole,
  type Project,
  type ProjectHook,
  type ProjectRef,
  type TriggerToken,
} from "./port.js";
import { HookResponse, PipelineScheduleResponse, ProjectResponse, TriggerTokenResponse } from "./schema.js";

/*
 * The project-settings half of the gitbeaker adapter (what `career-bot setup` uses). Plain functions
 * over the client so gitbeaker.ts stays about issues; the adapter wraps each in its error handling.
 */

const PER_PAGE = 100;

/** The gitbeaker resources these functions call (gitbeaker.ts builds only the ones a run uses). */
export interface SettingsApi {
  readonly Projects: Projects;
  readonly PipelineTriggerTokens: PipelineTriggerTokens;
  readonly ProjectHooks: ProjectHooks;
  readonly PipelineSchedules: PipelineSchedules;
}

export async function showProject(api: SettingsApi, project: ProjectRef): Promise<Project> {
  return toProject(ProjectResponse.parse(await api.Projects.show(project)));
}

/*
 * `GET /projects/:id/members/all/:user_id` (lib/api/members.rb, `find_all_members`), through the
 * Projects resource's requester: one request, no extra gitbeaker resource to load for it.
 */
export async function memberAccessLevel(
  api: SettingsApi,
  project: ProjectRef,
  userId: number,
): Promise<number | null> {
  const path = `projects/${encodeURIComponent(String(project))}/members/all/${userId}`;
  try {
    const answer = (await api.Projects.requester.get(path, {})) as { body?: unknown };
    return MemberAccess.parse(answer.body).access_level;
  } catch (error) {
    if (error instanceof GitLabError && error.kind === "not-found") return null;
    throw error;
  }
}

const MemberAccess = z.object({ access_level: z.number() });

/*
 * gitbeaker 43.8 types this attribute as a boolean (it is a string) and has no hook-test method, so
 * both requests are sent as GitLab documents them: the attribute by its own name (snake_case keys
 * pass gitbeaker's decamelizing unchanged), the test through the resource's own requester.
 */
export async function setPipelineVariablesRole(
  api: SettingsApi,
  project: ProjectRef,
  role: PipelineVariablesRole,
): Promise<Project> {
  const options = { ci_pipeline_variables_minimum_override_role: role };
  return toProject(ProjectResponse.parse(await api.Projects.edit(project, options as never)));
}

/** `POST /projects/:id/hooks/:hook_id/test/:trigger` (`lib/api/hooks/trigger_test.rb`, GitLab 16.11+). */
export async function testHook(
  api: SettingsApi,
  project: ProjectRef,
  hookId: number,
  trigger: "push_events",
): Promise<void> {
  const path = `${encodeURIComponent(String(project))}/hooks/${hookId}/test/${trigger}`;
  await api.ProjectHooks.requester.post(path, { body: {} });
}

export async function listTriggerTokens(api: SettingsApi, project: ProjectRef): Promise<TriggerToken[]> {
  const triggers = await api.PipelineTriggerTokens.all(project, { perPage: PER_PAGE });
  return z.array(TriggerTokenResponse).parse(triggers).map(toTriggerToken);
}

export async function createTriggerToken(
  api: SettingsApi,
  project: ProjectRef,
  description: string,
): Promise<TriggerToken> {
  return toTriggerToken(
    TriggerTokenResponse.parse(await api.PipelineTriggerTokens.create(project, description)),
  );
}

export async function listHooks(api: SettingsApi, project: ProjectRef): Promise<ProjectHook[]> {
  const hooks = await api.ProjectHooks.all(project, { perPage: PER_PAGE });
  return z.array(HookResponse).parse(hooks).map(toHook);
}

export async function createHook(
  api: SettingsApi,
  project: ProjectRef,
  hook: HookSettings,
): Promise<ProjectHook> {
  const created = await api.ProjectHooks.add(project, hook.url, hookOptions(hook) as never);
  return toHook(HookResponse.parse(created));
}

export async function updateHook(
  api: SettingsApi,
  project: ProjectRef,
  hookId: number,
  hook: HookSettings,
): Promise<ProjectHook> {
  const updated = await api.ProjectHooks.edit(project, hookId, hook.url, hookOptions(hook) as never);
  return toHook(HookResponse.parse(updated));
}

export async function listSchedules(api: SettingsApi, project: ProjectRef): Promise<PipelineSchedule[]> {
  const schedules = await api.PipelineSchedules.all(project, { perPage: PER_PAGE });
  return z.array(PipelineScheduleResponse).parse(schedules).map(toSchedule);
}

export async function createSchedule(
  api: SettingsApi,
  project: ProjectRef,
  schedule: NewPipelineSchedule,
): Promise<PipelineSchedule> {
  const created = await api.PipelineSchedules.create(
    project,
    schedule.description,
    schedule.ref,
    schedule.cron,
    { cronTimezone: schedule.cronTimezone, active: schedule.active },
  );
  return toSchedule(PipelineScheduleResponse.parse(created));
}

export async function updateSchedule(
  api: SettingsApi,
  project: ProjectRef,
  scheduleId: number,
  changes: Partial<NewPipelineSchedule>,
): Promise<PipelineSchedule> {
  return toSchedule(
    PipelineScheduleResponse.parse(await api.PipelineSchedules.edit(project, scheduleId, changes)),
  );
}

/* gitbeaker decamelizes option keys: `confidentialNoteEvents` is sent as `confidential_note_events`. */
function hookOptions(hook: HookSettings): Record<string, unknown> {
  const options: Record<string, unknown> = {
    name: hook.name,
    description: hook.description,
    token: hook.token,
    pushEvents: hook.events.push,
    issuesEvents: hook.events.issues,
    confidentialIssuesEvents: hook.events.confidentialIssues,
    noteEvents: hook.events.notes,
    confidentialNoteEvents: hook.events.confidentialNotes,
    enableSslVerification: true,
    // GitLab stores the values and shows only `{key}` in the URL from then on.
    urlVariables: hook.urlVariables
      ? Object.entries(hook.urlVariables).map(([key, value]) => ({ key, value }))
      : undefined,
  };
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
