import type { PipelineSchedule, Project, ProjectHook, TriggerToken } from "../port.js";
import { alertStatus } from "./hook-health.js";
import { accessLevel } from "./pipeline-variables.js";
import { restUser } from "./rest-json.js";
import type { FakeGitLabState } from "./state.js";
import type { FakeHook, FakeProject, FakeSchedule, FakeTrigger, FakeUser } from "./types.js";
import { portUser } from "./views.js";

/* Project settings records as GitLab's REST API shows them, and as the port returns them. */

/**
 * `GET /projects/:id` as the viewer sees it: `permissions` holds their membership (the fake keeps
 * one role per project, shown as a direct membership), and the CI/CD settings are shown only to
 * Maintainers and up (`with_options if: ... :admin_project` in lib/api/entities/project.rb).
 */
export function restProject(
  state: FakeGitLabState,
  project: FakeProject,
  viewer: FakeUser,
): Record<string, unknown> {
  const level = accessLevel(state, project, viewer);
  const ci =
    level >= 40
      ? {
          restrict_user_defined_variables: project.restrictUserDefinedVariables,
          ...(state.legacyPipelineVariables
            ? {}
            : { ci_pipeline_variables_minimum_override_role: project.pipelineVariablesRole }),
        }
      : {};
  return {
    id: project.id,
    name: project.name,
    path: project.path.slice(project.groupPath.length + 1),
    path_with_namespace: project.path,
    default_branch: project.defaultBranch,
    visibility: "private",
    web_url: `${state.webUrl}/${project.path}`,
    ...ci,
    permissions: shownPermissions(state, project, viewer, level),
  };
}

/*
 * `permissions` (lib/api/entities/project_with_access.rb) shows the viewer's membership of the project
 * itself (`project_access`) and of its group (`group_access`), nothing else: a role held through a
 * group the project is shared with (an invited group), or an administrator's, leaves both null.
 */
function shownPermissions(state: FakeGitLabState, project: FakeProject, viewer: FakeUser, level: number) {
  const source = state.roleSource(project.id, viewer.id);
  const access = { access_level: level, notification_level: 3 };
  return {
    project_access: source === "project" ? access : null,
    group_access: source === "group" ? access : null,
  };
}

/**
 * `GET /projects/:id/members/all/:user_id`: the effective level of any membership (direct,
 * inherited, invited group); null (GitLab's 404) for a user who is none, such as an administrator.
 */
export function memberLevel(state: FakeGitLabState, project: FakeProject, user: FakeUser): number | null {
  const source = state.roleSource(project.id, user.id);
  if (source === "admin" || state.membership(project.id, user.id) === undefined) return null;
  return accessLevel(state, project, user);
}

/** GitLab shows a trigger's whole token only to its owner; everyone else sees 4 characters. */
function visibleToken(trigger: FakeTrigger, viewer: FakeUser): string {
  return trigger.ownerId === viewer.id ? trigger.token : trigger.token.slice(0, 4);
}

export function restTrigger(
  state: FakeGitLabState,
  trigger: FakeTrigger,
  viewer: FakeUser,
): Record<string, unknown> {
  return {
    id: trigger.id,
    token: visibleToken(trigger, viewer),
    description: trigger.description,
    created_at: trigger.createdAt,
    updated_at: trigger.createdAt,
    last_used: null,
    owner: restUser(state, state.userById(trigger.ownerId)),
  };
}

/** The secret token is write-only: GitLab never answers with it. */
export function restHook(state: FakeGitLabState, hook: FakeHook): Record<string, unknown> {
  return {
    id: hook.id,
    url: hook.url,
    name: hook.name,
    description: hook.description,
    project_id: hook.projectId,
    push_events: hook.pushEvents,
    issues_events: hook.issuesEvents,
    confidential_issues_events: hook.confidentialIssuesEvents,
    note_events: hook.noteEvents,
    confidential_note_events: hook.confidentialNoteEvents,
    merge_requests_events: false,
    tag_push_events: false,
    pipeline_events: false,
    job_events: false,
    wiki_page_events: false,
    enable_ssl_verification: true,
    alert_status: alertStatus(hook, state.now),
    disabled_until: hook.disabledUntil,
    created_at: hook.createdAt,
    url_variables: Object.keys(hook.urlVariables).map((key) => ({ key })),
    custom_headers: [],
  };
}

export function restSchedule(state: FakeGitLabState, schedule: FakeSchedule): Record<string, unknown> {
  return {
    id: schedule.id,
    description: schedule.description,
    ref: schedule.ref,
    cron: schedule.cron,
    cron_timezone: schedule.cronTimezone,
    next_run_at: null,
    active: schedule.active,
    created_at: schedule.createdAt,
    updated_at: schedule.updatedAt,
    owner: restUser(state, state.userById(schedule.ownerId)),
  };
}

export function portProject(state: FakeGitLabState, project: FakeProject, viewer: FakeUser): Project {
  const level = accessLevel(state, project, viewer);
  const source = state.roleSource(project.id, viewer.id);
  return {
    id: project.id,
    path: project.path,
    defaultBranch: project.defaultBranch,
    webUrl: `${state.webUrl}/${project.path}`,
    // As the real adapter reads `permissions` (shownPermissions above).
    accessLevel: source === "project" || source === "group" ? level : null,
    pipelineVariables:
      level >= 40
        ? {
            minimumRole: state.legacyPipelineVariables ? null : project.pipelineVariablesRole,
            restricted: project.restrictUserDefinedVariables,
          }
        : null,
  };
}

export function portTrigger(state: FakeGitLabState, trigger: FakeTrigger, viewer: FakeUser): TriggerToken {
  return {
    id: trigger.id,
    description: trigger.description,
    token: visibleToken(trigger, viewer),
    owner: portUser(state.userById(trigger.ownerId)),
  };
}

export function portHook(state: FakeGitLabState, hook: FakeHook): ProjectHook {
  return {
    id: hook.id,
    url: hook.url,
    name: hook.name,
    events: {
      issues: hook.issuesEvents,
      confidentialIssues: hook.confidentialIssuesEvents,
      notes: hook.noteEvents,
      confidentialNotes: hook.confidentialNoteEvents,
      push: hook.pushEvents,
    },
    urlVariables: Object.keys(hook.urlVariables),
    alertStatus: alertStatus(hook, state.now),
    disabledUntil: hook.disabledUntil,
  };
}

export function portSchedule(state: FakeGitLabState, schedule: FakeSchedule): PipelineSchedule {
  return {
    id: schedule.id,
    description: schedule.description,
    ref: schedule.ref,
    cron: schedule.cron,
    cronTimezone: schedule.cronTimezone,
    active: schedule.active,
    owner: portUser(state.userById(schedule.ownerId)),
  };
}
