import { hookTime } from "./dates.js";
import type {
  HookLabel,
  HookProject,
  HookUser,
  IssueHookAttributes,
  IssueHookPayload,
  NoteHookPayload,
} from "./payload-types.js";
import type { FakeGitLabRecords } from "./records.js";
import type { FakeIssue, FakeNote, FakeProject, FakeUser } from "./types.js";

/*
 * Webhook bodies shaped like GitLab's (see test/fixtures/payloads/webhook_*.json), built from the
 * fake's records. Times use the hooks' `2015-05-17 17:06:40 UTC` form, label objects their ISO form.
 * Incident-only keys (`escalation_status`, `escalation_policy`) are left out: plain issues lack them.
 */

export type {
  HookLabel,
  HookProject,
  HookUser,
  IssueHookAttributes,
  IssueHookPayload,
  NoteHookPayload,
  WebhookPayload,
} from "./payload-types.js";

export function issueHookPayload(
  state: FakeGitLabRecords,
  actor: FakeUser,
  issue: FakeIssue,
  before: FakeIssue | null,
  action: "open" | "update" | "close" | "reopen",
): IssueHookPayload {
  const project = state.requireProject(issue.projectId);
  const attributes = issueAttributes(state, issue);
  const assignees = issue.assigneeIds.map((id) => hookUser(state.userById(id)));
  return {
    object_kind: "issue",
    event_type: issue.confidential ? "confidential_issue" : "issue",
    user: hookUser(actor),
    project: hookProject(state, project),
    object_attributes: { ...attributes, action },
    repository: hookRepository(state, project),
    assignees,
    ...(assignees[0] ? { assignee: assignees[0] } : {}),
    labels: attributes.labels,
    changes: issueChanges(state, before, issue),
  };
}

export function noteHookPayload(state: FakeGitLabRecords, note: FakeNote, issue: FakeIssue): NoteHookPayload {
  const project = state.requireProject(issue.projectId);
  const attributes = issueAttributes(state, issue);
  const author = state.userById(note.authorId);
  return {
    object_kind: "note",
    event_type: issue.confidential || note.internal ? "confidential_note" : "note",
    // GitLab sets `user` to the note's author, for edits too.
    user: hookUser(author),
    project_id: project.id,
    project: hookProject(state, project),
    repository: hookRepository(state, project),
    object_attributes: {
      attachment: null,
      author_id: note.authorId,
      change_position: null,
      commit_id: null,
      created_at: hookTime(note.createdAt),
      discussion_id: `${note.id.toString(16).padStart(8, "0")}${"0".repeat(32)}`,
      id: note.id,
      internal: note.internal,
      line_code: null,
      note: note.body,
      noteable_id: issue.id,
      noteable_type: "Issue",
      original_position: null,
      position: null,
      project_id: project.id,
      resolved_at: null,
      resolved_by_id: null,
      resolved_by_push: null,
      st_diff: null,
      system: note.system,
      type: null,
      updated_at: hookTime(note.updatedAt),
      updated_by_id: null,
      description: note.body,
      url: `${attributes.url}#note_${note.id}`,
      action: "create",
    },
    issue: { ...attributes, position: 0, branch_name: null },
  };
}

function issueAttributes(state: FakeGitLabRecords, issue: FakeIssue): IssueHookAttributes {
  const project = state.requireProject(issue.projectId);
  return {
    id: issue.id,
    title: issue.title,
    assignee_ids: [...issue.assigneeIds],
    assignee_id: issue.assigneeIds[0] ?? null,
    author_id: issue.authorId,
    project_id: issue.projectId,
    created_at: hookTime(issue.createdAt),
    updated_at: hookTime(issue.updatedAt),
    updated_by_id: issue.updatedById,
    last_edited_at: hookTime(issue.lastEditedAt),
    last_edited_by_id: issue.lastEditedById,
    relative_position: issue.id * 10,
    description: issue.description,
    milestone_id: null,
    state_id: issue.state === "opened" ? 1 : 2,
    confidential: issue.confidential,
    discussion_locked: null,
    due_date: issue.dueDate,
    moved_to_id: null,
    duplicated_to_id: null,
    time_estimate: 0,
    total_time_spent: 0,
    time_change: 0,
    human_total_time_spent: null,
    human_time_estimate: null,
    human_time_change: null,
    weight: null,
    health_status: null,
    type: "Issue",
    iid: issue.iid,
    url: `${state.webUrl}/${project.path}/-/issues/${issue.iid}`,
    state: issue.state,
    severity: "unknown",
    closed_at: hookTime(issue.closedAt),
    labels: hookLabels(state, issue),
  };
}

/* GitLab reports only its "safe" attributes, and only those a write changed; an open has them all new. */
function issueChanges(state: FakeGitLabRecords, before: FakeIssue | null, after: FakeIssue) {
  const changes: Record<string, { previous: unknown; current: unknown }> = {};
  const compare = (key: string, previous: unknown, current: unknown) => {
    if (JSON.stringify(previous) !== JSON.stringify(current)) changes[key] = { previous, current };
  };
  const now = issueAttributes(state, after);
  const assignees = (issue: FakeIssue) => issue.assigneeIds.map((id) => hookUser(state.userById(id)));
  if (before === null) {
    for (const key of [
      "author_id",
      "created_at",
      "description",
      "id",
      "iid",
      "project_id",
      "title",
      "updated_at",
    ]) {
      compare(key, null, now[key]);
    }
    if (after.dueDate) compare("due_date", null, after.dueDate);
    if (after.confidential) compare("confidential", false, true);
    compare("labels", [], now.labels);
    compare("assignees", [], assignees(after));
    return changes;
  }
  const old = issueAttributes(state, before);
  for (const key of [
    "title",
    "description",
    "due_date",
    "confidential",
    "state_id",
    "closed_at",
    "last_edited_at",
    "last_edited_by_id",
    "updated_at",
    "updated_by_id",
    "labels",
  ]) {
    compare(key, old[key], now[key]);
  }
  compare("assignees", assignees(before), assignees(after));
  return changes;
}

function hookLabels(state: FakeGitLabRecords, issue: FakeIssue): HookLabel[] {
  return issue.labels.map((name) => {
    const label = state.findLabel(issue.projectId, name)!;
    return {
      id: label.id,
      title: label.name,
      color: label.color,
      project_id: label.projectId,
      created_at: label.createdAt,
      updated_at: label.updatedAt,
      template: false,
      description: label.description,
      type: "ProjectLabel",
      group_id: null,
    };
  });
}

function hookUser(user: FakeUser): HookUser {
  return { id: user.id, name: user.name, username: user.username, avatar_url: null, email: "[REDACTED]" };
}

function hookProject(state: FakeGitLabRecords, project: FakeProject): HookProject {
  const webUrl = `${state.webUrl}/${project.path}`;
  const host = new URL(state.webUrl).host;
  return {
    id: project.id,
    name: project.name,
    description: "",
    web_url: webUrl,
    avatar_url: null,
    git_ssh_url: `git@${host}:${project.path}.git`,
    git_http_url: `${webUrl}.git`,
    namespace: project.groupPath,
    visibility_level: 0,
    path_with_namespace: project.path,
    default_branch: "main",
    ci_config_path: null,
    homepage: webUrl,
    url: `git@${host}:${project.path}.git`,
    ssh_url: `git@${host}:${project.path}.git`,
    http_url: `${webUrl}.git`,
  };
}

function hookRepository(state: FakeGitLabRecords, project: FakeProject): Record<string, unknown> {
  const webUrl = `${state.webUrl}/${project.path}`;
  return { name: project.name, url: `${webUrl}.git`, description: "", homepage: webUrl };
}
