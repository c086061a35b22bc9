import type {
  Issue,
  IssueQuery,
  Label,
  Note,
  PipelineSchedule,
  Project,
  ProjectHook,
  TriggerToken,
  User,
} from "./port.js";
import type {
  HookResponse,
  IssueResponse,
  LabelResponse,
  NoteResponse,
  PipelineScheduleResponse,
  ProjectResponse,
  TriggerTokenResponse,
  UserResponse,
} from "./schema.js";

/* GitLab's REST shapes (already checked by the zod schemas) -> the port's domain objects. */

export function toUser(user: UserResponse): User {
  return { id: user.id, username: user.username, ...(user.name ? { name: user.name } : {}) };
}

export function toIssue(issue: IssueResponse): Issue {
  return {
    id: issue.id,
    iid: issue.iid,
    projectId: issue.project_id,
    title: issue.title,
    description: issue.description ?? "",
    labels: issue.labels,
    state: issue.state,
    confidential: issue.confidential,
    dueDate: issue.due_date,
    author: toUser(issue.author),
    assignees: (issue.assignees ?? []).map(toUser),
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    closedAt: issue.closed_at ?? null,
    webUrl: issue.web_url,
    ...(issue.user_notes_count === undefined ? {} : { userNotesCount: issue.user_notes_count }),
  };
}

export function toNote(note: NoteResponse): Note {
  return {
    id: note.id,
    body: note.body,
    author: toUser(note.author),
    system: note.system,
    internal: note.internal ?? note.confidential ?? false,
    createdAt: note.created_at,
  };
}

export function toLabel(label: LabelResponse): Label {
  return { id: label.id, name: label.name, color: label.color, description: label.description };
}

export function toProject(project: ProjectResponse): Project {
  return {
    id: project.id,
    path: project.path_with_namespace,
    defaultBranch: project.default_branch ?? null,
    webUrl: project.web_url,
    accessLevel: accessLevel(project.permissions),
    pipelineVariables:
      project.ci_pipeline_variables_minimum_override_role == null &&
      project.restrict_user_defined_variables == null
        ? null
        : {
            minimumRole: project.ci_pipeline_variables_minimum_override_role ?? null,
            restricted: project.restrict_user_defined_variables ?? null,
          },
  };
}

export function toTriggerToken(trigger: TriggerTokenResponse): TriggerToken {
  return {
    id: trigger.id,
    description: trigger.description ?? "",
    token: trigger.token,
    owner: trigger.owner ? toUser(trigger.owner) : null,
  };
}

export function toHook(hook: HookResponse): ProjectHook {
  return {
    id: hook.id,
    url: hook.url,
    name: hook.name ?? null,
    events: {
      issues: hook.issues_events ?? false,
      confidentialIssues: hook.confidential_issues_events ?? false,
      notes: hook.note_events ?? false,
      confidentialNotes: hook.confidential_note_events ?? false,
      push: hook.push_events ?? false,
    },
    urlVariables: (hook.url_variables ?? []).map((variable) => variable.key),
    alertStatus: hook.alert_status ?? null,
    disabledUntil: hook.disabled_until ?? null,
  };
}

export function toSchedule(schedule: PipelineScheduleResponse): PipelineSchedule {
  return {
    id: schedule.id,
    description: schedule.description ?? "",
    ref: schedule.ref,
    cron: schedule.cron,
    cronTimezone: schedule.cron_timezone,
    active: schedule.active,
    owner: schedule.owner ? toUser(schedule.owner) : null,
  };
}

/** The port's issue query as GitLab's list parameters (camelCase; gitbeaker decamelizes them). */
export function issueListParams(query: IssueQuery): Record<string, unknown> {
  const byDue = query.orderByDueDate || query.dueOnOrBefore !== undefined;
  const params: Record<string, unknown> = {
    labels: query.labels?.length ? query.labels.join(",") : undefined,
    not: query.notLabels?.length ? { labels: query.notLabels.join(",") } : undefined,
    state: query.state,
    search: query.searchInDescription,
    in: query.searchInDescription === undefined ? undefined : "description",
    updatedAfter: query.updatedAfter,
    authorId: query.authorId,
    orderBy: byDue ? "due_date" : undefined,
    sort: byDue ? "asc" : undefined,
  };
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}

/** The higher of the two memberships `GET /projects/:id` shows (`lib/api/entities/project_with_access.rb`). */
function accessLevel(permissions: ProjectResponse["permissions"]): number | null {
  const levels = [permissions?.project_access?.access_level, permissions?.group_access?.access_level];
  const known = levels.filter((level): level is number => typeof level === "number");
  return known.length ? Math.max(...known) : null;
}
