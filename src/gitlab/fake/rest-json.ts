import { checklistItems } from "./checklist.js";
import type { FakeGitLabState } from "./state.js";
import type { FakeIssue, FakeLabel, FakeNote, FakeUser } from "./types.js";
import { issueWebUrl } from "./views.js";

/*
 * REST API bodies shaped like GitLab's (see test/fixtures/payloads/rest_*.json), so the real adapter's
 * zod schemas are checked against the same field names and nullability GitLab uses.
 */

export function restUser(state: FakeGitLabState, user: FakeUser): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    state: "active",
    locked: false,
    avatar_url: null,
    web_url: `${state.webUrl}/${user.username}`,
  };
}

/**
 * `GET /personal_access_tokens/self` for the user's token: lib/api/entities/personal_access_token.rb,
 * `expires_at` as `YYYY-MM-DD` or null.
 */
export function restToken(user: FakeUser): Record<string, unknown> {
  const expiresAt = user.token === "oauth" ? null : (user.token?.expiresAt ?? null);
  return {
    id: user.id * 10,
    name: "career-bot",
    revoked: false,
    created_at: "2026-01-01T00:00:00.000Z",
    scopes: ["api"],
    user_id: user.id,
    last_used_at: null,
    active: true,
    expires_at: expiresAt,
  };
}

export function restIssue(state: FakeGitLabState, issue: FakeIssue): Record<string, unknown> {
  const project = state.requireProject(issue.projectId);
  const tasks = taskCounts(issue.description);
  const assignees = issue.assigneeIds.map((id) => restUser(state, state.userById(id)));
  const apiBase = `${state.webUrl}/api/v4/projects/${project.id}/issues/${issue.iid}`;
  return {
    id: issue.id,
    iid: issue.iid,
    project_id: issue.projectId,
    title: issue.title,
    // GitLab answers null for an issue created without a description.
    description: issue.description === "" ? null : issue.description,
    state: issue.state,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    closed_by: null,
    labels: [...issue.labels],
    milestone: null,
    assignees,
    assignee: assignees[0] ?? null,
    author: restUser(state, state.userById(issue.authorId)),
    type: "ISSUE",
    user_notes_count: state.notesOf(issue.id).filter((note) => !note.system).length,
    upvotes: 0,
    downvotes: 0,
    due_date: issue.dueDate,
    confidential: issue.confidential,
    discussion_locked: null,
    issue_type: "issue",
    web_url: issueWebUrl(state, issue),
    references: { short: `#${issue.iid}`, relative: `#${issue.iid}`, full: `${project.path}#${issue.iid}` },
    time_stats: {
      time_estimate: 0,
      total_time_spent: 0,
      human_time_estimate: null,
      human_total_time_spent: null,
    },
    has_tasks: tasks.length > 0,
    task_status: `${tasks.completed} of ${tasks.length} checklist items completed`,
    task_completion_status: {
      count: tasks.length,
      completed_count: tasks.completed,
    },
    _links: {
      self: apiBase,
      notes: `${apiBase}/notes`,
      award_emoji: `${apiBase}/award_emoji`,
      project: `${state.webUrl}/api/v4/projects/${project.id}`,
      closed_as_duplicate_of: null,
    },
    severity: "UNKNOWN",
  };
}

export function restNote(state: FakeGitLabState, note: FakeNote): Record<string, unknown> {
  const issue = state.issueById(note.issueId)!;
  return {
    id: note.id,
    type: null,
    body: note.body,
    attachment: null,
    author: restUser(state, state.userById(note.authorId)),
    created_at: note.createdAt,
    updated_at: note.updatedAt,
    system: note.system,
    noteable_id: issue.id,
    noteable_type: "Issue",
    project_id: issue.projectId,
    noteable_iid: issue.iid,
    resolvable: false,
    confidential: note.internal,
    internal: note.internal,
    imported: false,
    imported_from: "none",
  };
}

export function restLabel(state: FakeGitLabState, label: FakeLabel): Record<string, unknown> {
  const issues = state.issues.filter(
    (issue) => issue.projectId === label.projectId && issue.labels.includes(label.name),
  );
  return {
    id: label.id,
    name: label.name,
    color: label.color,
    text_color: "#FFFFFF",
    description: label.description,
    description_html: label.description ?? "",
    open_issues_count: issues.filter((issue) => issue.state === "opened").length,
    closed_issues_count: issues.filter((issue) => issue.state === "closed").length,
    open_merge_requests_count: 0,
    subscribed: false,
    priority: null,
    is_project_label: true,
  };
}

/*
 * Checklist counts by description. A page of 100 issues is rendered for every listing request, and
 * scanning each description again made a 10,000-issue benchmark time the fake rather than the bot;
 * descriptions repeat (templates, settled copies), so a bounded cache answers most.
 */
const taskCache = new Map<string, { length: number; completed: number }>();

function taskCounts(description: string): { length: number; completed: number } {
  const cached = taskCache.get(description);
  if (cached) return cached;
  const items = checklistItems(description);
  const counts = { length: items.length, completed: items.filter((task) => task.checked).length };
  if (taskCache.size >= 2000) taskCache.clear();
  taskCache.set(description, counts);
  return counts;
}
