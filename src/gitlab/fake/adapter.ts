import { commandsOnlyNoteError } from "../errors.js";
import {
  GitLabError,
  type GitLabPort,
  type HookSettings,
  type Issue,
  type IssueQuery,
  type IssueUpdate,
  type Label,
  type NewIssue,
  type NewPipelineSchedule,
  type Note,
  type PipelineSchedule,
  type PipelineVariablesRole,
  type Project,
  type ProjectHook,
  type ProjectRef,
  type RecentPipeline,
  type RecentPipelineQuery,
  type TriggerToken,
  type User,
} from "../port.js";
import { allowedUpdate, canReadIssue, requireLabelAdmin, visibleIssues } from "./access.js";
import { testHook } from "./hook-health.js";
import {
  createIssue,
  createLabel,
  createNote,
  deleteNote,
  FakeApiError,
  linkIssues,
  updateIssue,
} from "./ops.js";
import { MAX_PER_PAGE } from "./pagination.js";
import { updateProjectSettings } from "./pipeline-variables.js";
import { portPipeline, projectPipelines } from "./pipelines.js";
import { groupProjectIds, type IssueFilter, queryIssues } from "./queries.js";
import { throttleSearch } from "./rate-limits.js";
import * as settings from "./settings-ops.js";
import { memberLevel, portHook, portProject, portSchedule, portTrigger } from "./settings-views.js";
import type { FakeGitLabState } from "./state.js";
import type { FakeIssue, FakeProject, FakeUser } from "./types.js";
import { portIssue, portLabel, portNote, portUser } from "./views.js";

/**
 * The port straight over the in-memory state, acting as the bot user. It applies writes exactly as
 * the fake HTTP server does (same functions), so engine tests see GitLab's behaviour without HTTP.
 * Each call counts as the one REST request it stands for, under the same route key as the server.
 */
export class FakeGitLab implements GitLabPort {
  private readonly bot: FakeUser;

  constructor(
    readonly state: FakeGitLabState,
    options: { username: string },
  ) {
    this.bot = state.requireUser(options.username);
  }

  async currentUser(): Promise<User> {
    this.state.countRequest("GET", "/user");
    return portUser(this.bot);
  }

  async tokenExpiresAt(): Promise<string | null | undefined> {
    this.state.countRequest("GET", "/personal_access_tokens/self");
    const token = this.bot.token;
    if (token === "oauth") return undefined;
    return token?.expiresAt ?? null;
  }

  async findUser(username: string): Promise<User | null> {
    this.state.countRequest("GET", "/users");
    const user = this.state.findUser(username);
    return user ? portUser(user) : null;
  }

  async getIssue(project: ProjectRef, iid: number): Promise<Issue> {
    this.state.countRequest("GET", "/projects/:id/issues/:iid");
    return portIssue(this.state, this.issue(project, iid));
  }

  async listNotes(project: ProjectRef, iid: number): Promise<Note[]> {
    this.state.countRequest("GET", "/projects/:id/issues/:iid/notes");
    const issue = this.issue(project, iid);
    return this.state.notesOf(issue.id).map((note) => portNote(this.state, note));
  }

  async listIssues(project: ProjectRef, query: IssueQuery): Promise<Issue[]> {
    const ids = [this.project(project).id];
    return this.list(ids, query, "/projects/:id/issues");
  }

  async listGroupIssues(group: string, query: IssueQuery): Promise<Issue[]> {
    const found = this.state.findGroup(group);
    if (!found) {
      this.state.countRequest("GET", "/groups/:id/issues");
      throw notFound("Group");
    }
    return this.list(groupProjectIds(this.state, found.path), query, "/groups/:id/issues");
  }

  async createIssue(project: ProjectRef, issue: NewIssue): Promise<Issue> {
    this.state.countRequest("POST", "/projects/:id/issues");
    const created = guard(() => createIssue(this.state, this.bot, this.project(project), issue));
    return portIssue(this.state, created);
  }

  async updateIssue(project: ProjectRef, iid: number, update: IssueUpdate): Promise<Issue> {
    this.state.countRequest("PUT", "/projects/:id/issues/:iid");
    if (Object.values(update).every((value) => value === undefined)) {
      throw new GitLabError("bad-request", "updateIssue needs at least one change", 400);
    }
    const write = guard(() => {
      const target = this.foundIssue(project, iid);
      return updateIssue(this.state, this.bot, target, allowedUpdate(this.state, this.bot, target, update));
    });
    return portIssue(this.state, write.issue);
  }

  async createNote(
    project: ProjectRef,
    iid: number,
    body: string,
    options?: { internal?: boolean },
  ): Promise<Note> {
    this.state.countRequest("POST", "/projects/:id/issues/:iid/notes");
    const write = guard(() => createNote(this.state, this.bot, this.issue(project, iid), body, options));
    if (!write.note) throw commandsOnlyNoteError();
    return portNote(this.state, write.note);
  }

  async linkIssues(
    project: ProjectRef,
    iid: number,
    target: { projectId: number; iid: number },
  ): Promise<void> {
    this.state.countRequest("POST", "/projects/:id/issues/:iid/links");
    const source = this.issue(project, iid);
    const other = this.issue(target.projectId, target.iid);
    try {
      linkIssues(this.state, source, other);
    } catch (error) {
      if (error instanceof FakeApiError && error.status === 409) return;
      throw toGitLabError(error);
    }
  }

  async deleteNote(project: ProjectRef, iid: number, noteId: number): Promise<void> {
    this.state.countRequest("DELETE", "/projects/:id/issues/:iid/notes/:note_id");
    guard(() => deleteNote(this.state, this.bot, this.issue(project, iid), noteId));
  }

  async listLabels(project: ProjectRef): Promise<Label[]> {
    this.state.countRequest("GET", "/projects/:id/labels");
    return this.state.projectLabels(this.project(project).id).map(portLabel);
  }

  async createLabel(
    project: ProjectRef,
    label: { name: string; color: string; description: string },
  ): Promise<Label> {
    this.state.countRequest("POST", "/projects/:id/labels");
    const target = this.project(project);
    guard(() => requireLabelAdmin(this.state, this.bot, target));
    const existing = this.state.findLabel(target.id, label.name);
    if (existing) return portLabel(existing);
    return portLabel(guard(() => createLabel(this.state, target, label)));
  }

  async listRecentPipelines(project: ProjectRef, query: RecentPipelineQuery): Promise<RecentPipeline[]> {
    this.state.countRequest("GET", "/projects/:id/pipelines");
    const pipelines = guard(() =>
      projectPipelines(this.state, this.bot, this.project(project), {
        username: query.username,
        createdAfter: query.createdAfter,
      }),
    );
    return pipelines.slice(0, 100).map(portPipeline);
  }

  async getProject(project: ProjectRef): Promise<Project> {
    this.state.countRequest("GET", "/projects/:id");
    return portProject(this.state, this.project(project), this.bot);
  }

  async memberAccessLevel(project: ProjectRef, userId: number): Promise<number | null> {
    this.state.countRequest("GET", "/projects/:id/members/all/:user_id");
    const target = this.project(project);
    const member = this.state.users.find((candidate) => candidate.id === userId);
    return member ? memberLevel(this.state, target, member) : null;
  }

  async setPipelineVariablesRole(project: ProjectRef, role: PipelineVariablesRole): Promise<Project> {
    this.state.countRequest("PUT", "/projects/:id");
    const target = this.project(project);
    guard(() => updateProjectSettings(this.state, this.bot, target, { pipelineVariablesRole: role }));
    return portProject(this.state, target, this.bot);
  }

  async testHook(project: ProjectRef, hookId: number, trigger: "push_events"): Promise<void> {
    this.state.countRequest("POST", "/projects/:id/hooks/:hook_id/test/:trigger");
    const target = this.project(project);
    guard(() => testHook(this.state, this.bot, target, hookId, trigger));
  }

  async listTriggerTokens(project: ProjectRef): Promise<TriggerToken[]> {
    this.state.countRequest("GET", "/projects/:id/triggers");
    const triggers = guard(() => settings.projectTriggers(this.state, this.bot, this.project(project)));
    return triggers.map((trigger) => portTrigger(this.state, trigger, this.bot));
  }

  async createTriggerToken(project: ProjectRef, description: string): Promise<TriggerToken> {
    this.state.countRequest("POST", "/projects/:id/triggers");
    const trigger = guard(() =>
      settings.createTrigger(this.state, this.bot, this.project(project), description),
    );
    return portTrigger(this.state, trigger, this.bot);
  }

  async listHooks(project: ProjectRef): Promise<ProjectHook[]> {
    this.state.countRequest("GET", "/projects/:id/hooks");
    return guard(() => settings.projectHooks(this.state, this.bot, this.project(project))).map((hook) =>
      portHook(this.state, hook),
    );
  }

  async createHook(project: ProjectRef, hook: HookSettings): Promise<ProjectHook> {
    this.state.countRequest("POST", "/projects/:id/hooks");
    return portHook(
      this.state,
      guard(() => settings.createHook(this.state, this.bot, this.project(project), hookInput(hook))),
    );
  }

  async updateHook(project: ProjectRef, hookId: number, hook: HookSettings): Promise<ProjectHook> {
    this.state.countRequest("PUT", "/projects/:id/hooks/:hook_id");
    const target = this.project(project);
    return portHook(
      this.state,
      guard(() => settings.updateHook(this.state, this.bot, target, hookId, hookInput(hook))),
    );
  }

  async listSchedules(project: ProjectRef): Promise<PipelineSchedule[]> {
    this.state.countRequest("GET", "/projects/:id/pipeline_schedules");
    const schedules = guard(() => settings.projectSchedules(this.state, this.bot, this.project(project)));
    return schedules.map((schedule) => portSchedule(this.state, schedule));
  }

  async createSchedule(project: ProjectRef, schedule: NewPipelineSchedule): Promise<PipelineSchedule> {
    this.state.countRequest("POST", "/projects/:id/pipeline_schedules");
    const created = guard(() =>
      settings.createSchedule(this.state, this.bot, this.project(project), schedule),
    );
    return portSchedule(this.state, created);
  }

  async updateSchedule(
    project: ProjectRef,
    scheduleId: number,
    changes: Partial<NewPipelineSchedule>,
  ): Promise<PipelineSchedule> {
    this.state.countRequest("PUT", "/projects/:id/pipeline_schedules/:schedule_id");
    const target = this.project(project);
    const updated = guard(() => settings.updateSchedule(this.state, this.bot, target, scheduleId, changes));
    return portSchedule(this.state, updated);
  }

  /**
   * One counted request per page of 100, as the real adapter pages (`per_page=100`, GitLab's
   * maximum): request counts of a listing then mean what they would against GitLab. With
   * `dueOnOrBefore` paging stops at the page holding the first issue due later.
   */
  private list(projectIds: number[], query: IssueQuery, route: string): Issue[] {
    const issues = visibleIssues(
      this.state,
      this.bot,
      queryIssues(this.state, projectIds, toIssueFilter(query)),
    );
    const day = query.dueOnOrBefore;
    const later = day ? issues.findIndex((issue) => issue.dueDate === null || issue.dueDate > day) : -1;
    const pages =
      later >= 0
        ? Math.floor(later / MAX_PER_PAGE) + 1
        : Math.max(1, Math.ceil(issues.length / MAX_PER_PAGE));
    for (let page = 0; page < pages; page += 1) {
      this.state.countRequest("GET", route);
      guard(() => throttleSearch(this.state, this.bot.id, query.searchInDescription));
    }
    const due = later >= 0 ? issues.slice(0, later) : issues;
    return due.map((issue) => portIssue(this.state, issue));
  }

  /** The project as the bot may see it: a non-member gets GitLab's 404 (access.ts). */
  private project(ref: ProjectRef): FakeProject {
    const project = this.state.findProject(ref);
    if (!project || this.state.membership(project.id, this.bot.id) === undefined) throw notFound("Project");
    return project;
  }

  /** The issue as the bot may read it: a confidential one it may not see is GitLab's 404. */
  private issue(project: ProjectRef, iid: number): FakeIssue {
    const issue = this.foundIssue(project, iid);
    if (!canReadIssue(this.state, this.bot, issue)) throw notFound("Issue");
    return issue;
  }

  /** The issue whatever its visibility, as GitLab's `PUT` finds it before authorizing. */
  private foundIssue(project: ProjectRef, iid: number): FakeIssue {
    const issue = this.state.findIssue(this.project(project).id, iid);
    if (!issue) throw notFound("Issue");
    return issue;
  }
}

/** The port query in GitLab's list-filter terms; `dueOnOrBefore` implies due-date order. */
export function toIssueFilter(query: IssueQuery): IssueFilter {
  const byDue = query.orderByDueDate || query.dueOnOrBefore !== undefined;
  return {
    labels: query.labels?.length ? query.labels : undefined,
    notLabels: query.notLabels?.length ? query.notLabels : undefined,
    state: query.state,
    search: query.searchInDescription,
    searchIn: ["description"],
    updatedAfter: query.updatedAfter,
    authorId: query.authorId,
    orderBy: byDue ? "due_date" : undefined,
    sort: byDue ? "asc" : undefined,
  };
}

function hookInput(hook: HookSettings): settings.HookInput {
  return {
    url: hook.url,
    name: hook.name,
    description: hook.description,
    urlVariables: hook.urlVariables,
    token: hook.token,
    pushEvents: hook.events.push,
    issuesEvents: hook.events.issues,
    confidentialIssuesEvents: hook.events.confidentialIssues,
    noteEvents: hook.events.notes,
    confidentialNoteEvents: hook.events.confidentialNotes,
  };
}

function guard<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw toGitLabError(error);
  }
}

function toGitLabError(error: unknown): unknown {
  if (!(error instanceof FakeApiError)) return error;
  if (error.status === 429) {
    return new GitLabError("rate-limited", `GitLab is rate-limiting the bot (429): ${error.message}`, 429);
  }
  const kind = error.status === 404 ? "not-found" : error.status === 403 ? "forbidden" : "bad-request";
  return new GitLabError(
    kind,
    `GitLab refused the request (${error.status}): ${error.message}`,
    error.status,
  );
}

function notFound(what: "Project" | "Issue" | "Group"): GitLabError {
  return new GitLabError(
    "not-found",
    `GitLab answered 404 ${what} Not Found; check the ${what.toLowerCase()} path, and that the token's user is a member of the project with the Reporter role or higher (GitLab answers 404 for a project, or a confidential issue, that the token may not see)`,
    404,
  );
}
