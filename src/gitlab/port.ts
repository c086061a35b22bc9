/**
 * The GitLab port: the only way the bot talks to GitLab.
 *
 * It is semantic rather than an endpoint mirror (Renovate's platform interface): reads return
 * narrowed domain objects, writes are the few operations the engine needs. Two adapters implement
 * it: `GitbeakerGitLab` over gitbeaker's resources (`@gitbeaker/core`) and `FakeGitLab` in memory. One contract suite runs
 * against both, so a test that passes on the fake means something for the real one.
 */

/** A project is addressed by numeric id or by its full path (`group/project`). */
export type ProjectRef = number | string;

export interface User {
  id: number;
  username: string;
  name?: string;
}

export interface Issue {
  /** Global id (what Note Hook payloads call `noteable_id`). */
  id: number;
  iid: number;
  projectId: number;
  title: string;
  description: string;
  labels: string[];
  state: "opened" | "closed";
  confidential: boolean;
  /** `YYYY-MM-DD` or null. */
  dueDate: string | null;
  author: User;
  assignees: User[];
  createdAt: string;
  updatedAt: string;
  /** When the issue was closed (ISO); null or absent while open, or when the adapter does not say. */
  closedAt?: string | null;
  webUrl: string;
  /**
   * Comments on the issue (GitLab's `user_notes_count`, system notes left out). After posting, a count
   * above what the bot saw plus what it posted means someone else commented meanwhile: perhaps a
   * racing run of the bot, whose duplicate is then looked for. Absent: unknown, so always look.
   */
  userNotesCount?: number;
}

export interface Note {
  id: number;
  body: string;
  author: User;
  /** GitLab's own notes: label changes, "marked the checklist item ... as completed", and so on. */
  system: boolean;
  internal: boolean;
  createdAt: string;
}

export interface IssueQuery {
  /** Issues must carry all of these labels. */
  labels?: string[];
  /** Issues carrying any of these labels are left out (GitLab's `not[labels]`). */
  notLabels?: string[];
  state?: "opened" | "closed" | "all";
  /** Full-text search in the description (GitLab's `search` with `in=description`). */
  searchInDescription?: string;
  /** Only issues updated at or after this ISO time. */
  updatedAfter?: string;
  /**
   * Only issues this user opened (GitLab's `author_id`). Unlike `search`, which GitLab throttles per
   * user, an author filter is an ordinary list.
   */
  authorId?: number;
  /** Sorted by due date ascending, issues without a due date last. */
  orderByDueDate?: boolean;
  /**
   * With `orderByDueDate`: stop paging once an issue is due after this day (`YYYY-MM-DD`) or has no
   * due date. Lets a sweep read only what is due without listing every open issue.
   */
  dueOnOrBefore?: string;
}

export interface IssueUpdate {
  /** Only the dashboard issue's title changes (when the config's `dashboard.title` does). */
  title?: string;
  addLabels?: string[];
  removeLabels?: string[];
  description?: string;
  /** `null` clears the due date. */
  dueDate?: string | null;
  stateEvent?: "close" | "reopen";
  confidential?: boolean;
  assigneeIds?: number[];
}

export interface NewIssue {
  title: string;
  description: string;
  labels: string[];
  confidential: boolean;
  assigneeIds?: number[];
  dueDate?: string | null;
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface Project {
  id: number;
  /** `group/project`. */
  path: string;
  /** Null for a project with an empty repository. */
  defaultBranch: string | null;
  /** Built by GitLab from its configured external URL (`lib/gitlab/url_blocker.rb` trusts only that). */
  webUrl: string;
  /**
   * The token user's access level here (30 Developer, 40 Maintainer, 50 Owner): the higher of the
   * direct project membership and the closest group membership GitLab shows in `permissions`. Null
   * when it shows neither (an administrator who is no member, or a project shared with a group).
   */
  accessLevel: number | null;
  /** Who may set pipeline variables; null when GitLab shows neither field (the token is below Maintainer). */
  pipelineVariables: PipelineVariables | null;
}

/** GitLab's `ci_pipeline_variables_minimum_override_role` (17.1+). */
export type PipelineVariablesRole = "no_one_allowed" | "owner" | "maintainer" | "developer";

export interface PipelineVariables {
  /** Null before GitLab 17.1, where only `restricted` exists (and then Maintainers may). */
  minimumRole: PipelineVariablesRole | null;
  /** `restrict_user_defined_variables`: false lets everyone who may run a pipeline set variables. */
  restricted: boolean | null;
}

/** GitLab's access levels, the numbers its API uses. */
export const ACCESS = { developer: 30, maintainer: 40, owner: 50 } as const;

/** A pipeline trigger token. GitLab shows the whole token only to its owner, others get 4 characters. */
export interface TriggerToken {
  id: number;
  description: string;
  token: string;
  owner: User | null;
}

/** The webhook triggers career-bot cares about (and push, which GitLab turns on by default). */
export interface HookEvents {
  issues: boolean;
  confidentialIssues: boolean;
  notes: boolean;
  confidentialNotes: boolean;
  push: boolean;
}

export interface ProjectHook {
  id: number;
  /** As GitLab shows it: masked portions appear as `{key}` placeholders. */
  url: string;
  name: string | null;
  events: HookEvents;
  /** Keys of the URL's masked portions; GitLab never shows their values. */
  urlVariables: string[];
  /** GitLab 15.1+; null when it does not say (older GitLab). */
  alertStatus: HookAlertStatus | null;
  /** Until when a temporarily disabled hook sends nothing (ISO), else null. */
  disabledUntil: string | null;
}

/** `executable`, or auto-disabled after failures (`app/models/concerns/web_hooks/auto_disabling.rb`). */
export type HookAlertStatus = "executable" | "temporarily_disabled" | "disabled";

export interface HookSettings {
  /** May hold `{key}` placeholders, filled from `urlVariables` (GitLab's "Mask portions of URL"). */
  url: string;
  name?: string;
  description?: string;
  urlVariables?: Record<string, string>;
  /** Sent as `X-Gitlab-Token` with every delivery; write-only in GitLab. */
  token?: string;
  events: HookEvents;
}

export interface PipelineSchedule {
  id: number;
  description: string;
  ref: string;
  cron: string;
  cronTimezone: string;
  active: boolean;
  owner: User | null;
}

export interface NewPipelineSchedule {
  description: string;
  ref: string;
  cron: string;
  cronTimezone: string;
  active: boolean;
}

/** A pipeline of the project, as far as pacing needs it. */
export interface RecentPipeline {
  id: number;
  /** ISO time on GitLab's clock. */
  createdAt: string;
  /** GitLab's `source`: `trigger`, `schedule`, `web`, `push`, ... */
  source: string;
}

export interface RecentPipelineQuery {
  /** Only pipelines this user started (GitLab's `username`; trigger pipelines run as the trigger's owner). */
  username: string;
  /** Only pipelines created at or after this ISO time. */
  createdAfter: string;
}

/**
 * What `career-bot setup` needs besides labels: the project, its pipeline triggers, webhooks and
 * schedules. Most of it needs the Maintainer role (schedules: Developer), unlike the engine's calls.
 */
export interface ProjectSettingsPort {
  getProject(project: ProjectRef): Promise<Project>;
  /**
   * A user's effective access level in the project (`GET /projects/:id/members/all/:user_id`: direct,
   * inherited and invited-group memberships), or null when they are no member (an administrator).
   * For when `getProject`'s `accessLevel` is null: GitLab's `permissions` omit invited groups.
   */
  memberAccessLevel(project: ProjectRef, userId: number): Promise<number | null>;
  listTriggerTokens(project: ProjectRef): Promise<TriggerToken[]>;
  createTriggerToken(project: ProjectRef, description: string): Promise<TriggerToken>;
  listHooks(project: ProjectRef): Promise<ProjectHook[]>;
  createHook(project: ProjectRef, hook: HookSettings): Promise<ProjectHook>;
  /** GitLab keeps the secret token and URL variables unless the URL changes (then both are reset). */
  updateHook(project: ProjectRef, hookId: number, hook: HookSettings): Promise<ProjectHook>;
  /**
   * Sends a test delivery (GitLab 16.11+, `POST /projects/:id/hooks/:hook_id/test/:trigger`). A 2xx
   * answer re-enables an auto-disabled hook; a failed delivery rejects (`bad-request`, status 422).
   */
  testHook(project: ProjectRef, hookId: number, trigger: "push_events"): Promise<void>;
  /**
   * `PUT /projects/:id` with `ci_pipeline_variables_minimum_override_role`. Needs Maintainer, and
   * Owner to set `owner` or to change it away from `owner` (GitLab answers 400 otherwise).
   */
  setPipelineVariablesRole(project: ProjectRef, role: PipelineVariablesRole): Promise<Project>;
  listSchedules(project: ProjectRef): Promise<PipelineSchedule[]>;
  createSchedule(project: ProjectRef, schedule: NewPipelineSchedule): Promise<PipelineSchedule>;
  updateSchedule(
    project: ProjectRef,
    scheduleId: number,
    changes: Partial<NewPipelineSchedule>,
  ): Promise<PipelineSchedule>;
}

/** What the engine needs from GitLab. Every method may throw a `GitLabError`. */
export interface GitLabPort extends ProjectSettingsPort {
  /** The user the token belongs to: the bot. Its notes carry the only markers that count. */
  currentUser(): Promise<User>;
  /**
   * When the bot's own token expires, as GitLab tells a token about itself
   * (`GET /personal_access_tokens/self`): a `YYYY-MM-DD` day, `null` when it never expires, or
   * `undefined` when GitLab does not say (the token is not a personal, project or group access
   * token, e.g. an OAuth or CI job token: GitLab answers 400, 401 or 403 there).
   */
  tokenExpiresAt(): Promise<string | null | undefined>;
  /** Looks a user up by username; null when there is none on the instance. */
  findUser(username: string): Promise<User | null>;
  /** A fresh, uncached read of one issue. */
  getIssue(project: ProjectRef, iid: number): Promise<Issue>;
  /** Every note of an issue, system notes included, oldest first, all pages. */
  listNotes(project: ProjectRef, iid: number): Promise<Note[]>;
  /** Issues of a project, all pages (or until `dueOnOrBefore` says stop). */
  listIssues(project: ProjectRef, query: IssueQuery): Promise<Issue[]>;
  /** Issues of every project in a group. */
  listGroupIssues(group: string, query: IssueQuery): Promise<Issue[]>;
  createIssue(project: ProjectRef, issue: NewIssue): Promise<Issue>;
  updateIssue(project: ProjectRef, iid: number, update: IssueUpdate): Promise<Issue>;
  /**
   * Comments on an issue. GitLab runs quick actions in the body with the bot's rights; a body made only
   * of quick actions saves no note and rejects with a `bad-request` GitLabError (status 202).
   */
  createNote(project: ProjectRef, iid: number, body: string, options?: { internal?: boolean }): Promise<Note>;
  /** Relates two issues (GitLab's issue links, `relates_to`). Linking twice is not an error. */
  linkIssues(project: ProjectRef, iid: number, target: { projectId: number; iid: number }): Promise<void>;
  /**
   * Deletes a note the bot wrote (GitLab lets authors delete their own notes). Used only to withdraw
   * a keyed note that a concurrent run posted too. Deleting a note that is gone is not an error.
   */
  deleteNote(project: ProjectRef, iid: number, noteId: number): Promise<void>;
  listLabels(project: ProjectRef): Promise<Label[]>;
  /**
   * Creates a project label. When one of that name exists already (GitLab's 409, e.g. made by a
   * concurrent run), that label is returned unchanged instead of an error.
   */
  createLabel(
    project: ProjectRef,
    label: { name: string; color: string; description: string },
  ): Promise<Label>;
  /**
   * The project's pipelines that `username` started since `createdAfter`, newest first: what
   * pacing counts against GitLab's pipeline-creation limit. At most one page (100): a run needs
   * no more than its own limit of them. Child pipelines are left out, as GitLab's list does.
   * Needs read access to pipelines and jobs (Reporter on a private project), else `forbidden`.
   */
  listRecentPipelines(project: ProjectRef, query: RecentPipelineQuery): Promise<RecentPipeline[]>;
}

export type GitLabErrorKind =
  | "not-found"
  | "forbidden"
  | "unauthorized"
  | "rate-limited"
  | "server"
  | "network"
  | "timeout"
  | "bad-request"
  | "invalid-response";

/** A failed GitLab call, with a kind the engine can dispatch on and a message that never holds a token. */
export class GitLabError extends Error {
  readonly code = "GITLAB_ERROR";
  constructor(
    readonly kind: GitLabErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "GitLabError";
  }
}
