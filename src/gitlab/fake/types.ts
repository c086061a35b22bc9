/**
 * Records the in-memory GitLab keeps. They mirror GitLab's own tables (global ids, per-project iids,
 * label names on issues) rather than the port's types, so the HTTP server and the port adapter can
 * each render them the way their side of GitLab does.
 */

export interface FakeUser {
  id: number;
  username: string;
  name: string;
  /**
   * The user's token, as `GET /personal_access_tokens/self` describes it: its expiry day (absent:
   * never expires), or `oauth` for a token that endpoint refuses with 400, as GitLab does.
   */
  token?: { expiresAt: string | null } | "oauth";
}

export interface FakeGroup {
  id: number;
  /** Full path, e.g. `career` or `career/emea`. */
  path: string;
}

export interface FakeProject {
  id: number;
  /** `group/project`, GitLab's `path_with_namespace`. */
  path: string;
  groupPath: string;
  name: string;
  nextIid: number;
  /** Null while the repository is empty. */
  defaultBranch: string | null;
  /** `restrict_user_defined_variables`; GitLab sets it with the role below. */
  restrictUserDefinedVariables: boolean;
  /** `ci_pipeline_variables_minimum_override_role` (GitLab 17.1+). */
  pipelineVariablesRole: FakeVariablesRole;
}

export type FakeVariablesRole = "no_one_allowed" | "owner" | "maintainer" | "developer";

/** Some of GitLab's pipeline sources (`Enums::Ci::Pipeline.sources`). */
export type FakePipelineSource = "push" | "web" | "trigger" | "schedule" | "api";

/**
 * A pipeline GitLab created, with its variables: the trigger endpoint makes them; tests seed others
 * with `state.addPipeline`. No jobs run; a pipeline stays as it was made.
 */
export interface FakePipeline {
  id: number;
  projectId: number;
  ref: string;
  source: FakePipelineSource;
  /** Whose rights it runs with: for a trigger pipeline, the trigger's owner. */
  userId: number;
  variables: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export interface FakeLabel {
  id: number;
  projectId: number;
  name: string;
  color: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FakeIssue {
  /** Global id, what Note Hooks call `noteable_id`. */
  id: number;
  iid: number;
  projectId: number;
  title: string;
  description: string;
  /** Label names, in the order they were added. */
  labels: string[];
  state: "opened" | "closed";
  confidential: boolean;
  dueDate: string | null;
  assigneeIds: number[];
  authorId: number;
  createdAt: string;
  updatedAt: string;
  updatedById: number | null;
  closedAt: string | null;
  lastEditedAt: string | null;
  lastEditedById: number | null;
}

export interface FakeNote {
  id: number;
  issueId: number;
  body: string;
  authorId: number;
  system: boolean;
  internal: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface FakeLink {
  id: number;
  sourceIssueId: number;
  targetIssueId: number;
}

/** One quick action GitLab ran, so tests can prove that text the bot wrote ran none. */
export interface QuickActionRecord {
  command: string;
  args: string;
  /** Username of whoever wrote the text: the command ran with their rights. */
  author: string;
  source: "description" | "note";
  projectId: number;
  iid: number;
  at: string;
}

/** The issue attributes one write may change; absent keys stay as they are. */
export interface IssueChanges {
  title?: string;
  description?: string;
  addLabels?: string[];
  removeLabels?: string[];
  /** Replaces every label (GitLab's `labels` on PUT and `/relabel`). */
  labels?: string[];
  dueDate?: string | null;
  stateEvent?: "close" | "reopen";
  confidential?: boolean;
  assigneeIds?: number[];
  addAssigneeIds?: number[];
  removeAssigneeIds?: number[];
}

/** GitLab's project roles, weakest first. */
export type FakeRole = "guest" | "planner" | "reporter" | "developer" | "maintainer" | "owner";

/**
 * Where a user's role in a project comes from: a membership of the project, of its group, of a
 * group the project is shared with (an invited group), or none (an administrator).
 */
export type FakeRoleSource = "project" | "group" | "invited-group" | "admin";

export interface FakeTrigger {
  id: number;
  projectId: number;
  description: string;
  token: string;
  ownerId: number;
  createdAt: string;
}

export interface FakeHook {
  id: number;
  projectId: number;
  /** As stored: masked portions are `{key}` placeholders filled from `urlVariables`. */
  url: string;
  name: string | null;
  description: string | null;
  urlVariables: Record<string, string>;
  token: string | null;
  pushEvents: boolean;
  issuesEvents: boolean;
  confidentialIssuesEvents: boolean;
  noteEvents: boolean;
  confidentialNoteEvents: boolean;
  createdAt: string;
  /** GitLab's auto-disabling counters (`web_hooks.recent_failures`, `disabled_until`). */
  recentFailures: number;
  disabledUntil: string | null;
}

export interface FakeSchedule {
  id: number;
  projectId: number;
  description: string;
  ref: string;
  cron: string;
  cronTimezone: string;
  active: boolean;
  ownerId: number;
  createdAt: string;
  updatedAt: string;
}
