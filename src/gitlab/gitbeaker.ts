import {
  IssueLinks,
  IssueNotes,
  Issues,
  PersonalAccessTokens,
  PipelineSchedules,
  Pipelines,
  PipelineTriggerTokens,
  ProjectHooks,
  ProjectLabels,
  Projects,
  Users,
} from "@gitbeaker/core";
import type { RateLimitOptions } from "@gitbeaker/requester-utils";
import * as z from "zod";
import { commandsOnlyNoteError, redact } from "./errors.js";
import { listRecentPipelines, type PipelinesApi } from "./gitbeaker-pipelines.js";
import * as settings from "./gitbeaker-settings.js";
import { issueListParams, toIssue, toLabel, toNote, toUser } from "./mappers.js";
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
} from "./port.js";
import { createRetryingRequesterFn, type RequesterOptions } from "./requester.js";
import {
  IssueResponse,
  LabelResponse,
  NoteCommandsResponse,
  NoteResponse,
  TokenResponse,
  UserResponse,
} from "./schema.js";

const TOKEN_NOT_DESCRIBED = new Set(["bad-request", "unauthorized", "forbidden"]);

export interface GitbeakerGitLabOptions extends RequesterOptions {
  /** Instance URL without `/api/v4`, e.g. `https://gitlab.example.com`. */
  host: string;
  token: string;
  /**
   * gitbeaker's client-side limits per endpoint glob (per process). On GitLab.com, notes are limited
   * to 60 a minute: `{ "projects/*\/issues/*\/notes": { method: "post", limit: 60 } }`. gitbeaker's
   * default caps every resource at 3000 a minute; `{}` switches client-side limits off (benchmarks).
   */
  rateLimits?: RateLimitOptions;
  /**
   * The window of those limits in seconds (gitbeaker's default 60). Each limiter keeps a timer per
   * window; the snapshot's warm-up uses a tiny window so that none is pending when the heap is saved.
   */
  rateLimitDuration?: number;
}

const PER_PAGE = 100;

type ResourceOptions = ConstructorParameters<typeof Projects<false>>[0];

/**
 * The gitbeaker resources the port calls, each built on first use with the options `new Gitlab()`
 * would give it. `new Gitlab()` builds all of its about 200 resources, each with its own requester and
 * rate limiters (about 15 ms of a one-event run); a resource here has the same requester and limiters
 * as there (gitbeaker's limiters are per resource either way).
 */
class GitbeakerApi implements settings.SettingsApi, PipelinesApi {
  #users?: Users;
  #issues?: Issues;
  #issueNotes?: IssueNotes;
  #issueLinks?: IssueLinks;
  #projectLabels?: ProjectLabels;
  #projects?: Projects;
  #triggerTokens?: PipelineTriggerTokens;
  #hooks?: ProjectHooks;
  #schedules?: PipelineSchedules;
  #pipelines?: Pipelines;
  #tokens?: PersonalAccessTokens;

  constructor(private readonly options: ResourceOptions) {}

  get Users(): Users {
    this.#users ??= new Users<false>(this.options);
    return this.#users;
  }

  get Issues(): Issues {
    this.#issues ??= new Issues<false>(this.options);
    return this.#issues;
  }

  get IssueNotes(): IssueNotes {
    this.#issueNotes ??= new IssueNotes<false>(this.options);
    return this.#issueNotes;
  }

  get IssueLinks(): IssueLinks {
    this.#issueLinks ??= new IssueLinks<false>(this.options);
    return this.#issueLinks;
  }

  get ProjectLabels(): ProjectLabels {
    this.#projectLabels ??= new ProjectLabels<false>(this.options);
    return this.#projectLabels;
  }

  get Projects(): Projects {
    this.#projects ??= new Projects<false>(this.options);
    return this.#projects;
  }

  get PipelineTriggerTokens(): PipelineTriggerTokens {
    this.#triggerTokens ??= new PipelineTriggerTokens<false>(this.options);
    return this.#triggerTokens;
  }

  get ProjectHooks(): ProjectHooks {
    this.#hooks ??= new ProjectHooks<false>(this.options);
    return this.#hooks;
  }

  get PipelineSchedules(): PipelineSchedules {
    this.#schedules ??= new PipelineSchedules<false>(this.options);
    return this.#schedules;
  }

  get Pipelines(): Pipelines {
    this.#pipelines ??= new Pipelines<false>(this.options);
    return this.#pipelines;
  }

  get PersonalAccessTokens(): PersonalAccessTokens {
    this.#tokens ??= new PersonalAccessTokens<false>(this.options);
    return this.#tokens;
  }
}

const ExpandedPage = z.object({
  data: z.array(z.unknown()),
  paginationInfo: z.object({ next: z.number().nullable() }),
});

/**
 * The port over gitbeaker 43.8. `@gitbeaker/rest` is `@gitbeaker/core`'s resource classes with a
 * fetch requester preset on each; we give every resource our own requester anyway, so we take the
 * classes from `@gitbeaker/core`: a bundle then holds the ten we use, where `@gitbeaker/rest`'s
 * preset wraps all 154 when it loads (docs/maintaining.md "Performance"). Every answer is narrowed with zod; every request goes through our
 * retrying requester (see requester.ts for why not gitbeaker's); every error is a `GitLabError` whose
 * message has the token scrubbed out.
 */
export class GitbeakerGitLab implements GitLabPort {
  private readonly api: GitbeakerApi;
  private readonly token: string;

  constructor(options: GitbeakerGitLabOptions) {
    this.token = options.token;
    this.api = new GitbeakerApi({
      host: options.host.replace(/\/+$/, ""),
      token: options.token,
      requesterFn: createRetryingRequesterFn(options),
      // Our requester times out each try; gitbeaker's timeout would span retries and pages.
      queryTimeout: null,
      ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
      ...(options.rateLimitDuration ? { rateLimitDuration: options.rateLimitDuration } : {}),
    });
  }

  currentUser(): Promise<User> {
    return this.call(async () => toUser(UserResponse.parse(await this.api.Users.showCurrentUser())));
  }

  tokenExpiresAt(): Promise<string | null | undefined> {
    return this.call(async () => {
      try {
        // No token id: gitbeaker asks for personal_access_tokens/self.
        return TokenResponse.parse(await this.api.PersonalAccessTokens.show()).expires_at;
      } catch (error) {
        // Not a token GitLab describes (OAuth, CI job token): 400, 401 or 403. Nothing to warn of.
        if (error instanceof GitLabError && TOKEN_NOT_DESCRIBED.has(error.kind)) return undefined;
        throw error;
      }
    });
  }

  findUser(username: string): Promise<User | null> {
    return this.call(async () => {
      const users = z.array(UserResponse).parse(await this.api.Users.all({ username }));
      const match = users.find((user) => user.username.toLowerCase() === username.toLowerCase());
      return match ? toUser(match) : null;
    });
  }

  getIssue(project: ProjectRef, iid: number): Promise<Issue> {
    return this.call(async () =>
      toIssue(IssueResponse.parse(await this.api.Issues.show(iid, { projectId: project }))),
    );
  }

  listNotes(project: ProjectRef, iid: number): Promise<Note[]> {
    return this.call(async () => {
      const notes = await this.api.IssueNotes.all(project, iid, {
        sort: "asc",
        orderBy: "created_at",
        perPage: PER_PAGE,
      });
      return z.array(NoteResponse).parse(notes).map(toNote);
    });
  }

  listIssues(project: ProjectRef, query: IssueQuery): Promise<Issue[]> {
    return this.call(() => this.issues({ projectId: project }, query));
  }

  listGroupIssues(group: string, query: IssueQuery): Promise<Issue[]> {
    return this.call(() => this.issues({ groupId: group }, query));
  }

  createIssue(project: ProjectRef, issue: NewIssue): Promise<Issue> {
    return this.call(async () => {
      const created = await this.api.Issues.create(project, issue.title, {
        description: issue.description,
        labels: issue.labels.join(","),
        confidential: issue.confidential,
        ...(issue.assigneeIds ? { assigneeIds: issue.assigneeIds } : {}),
        ...(issue.dueDate ? { dueDate: issue.dueDate } : {}),
      });
      return toIssue(IssueResponse.parse(created));
    });
  }

  updateIssue(project: ProjectRef, iid: number, update: IssueUpdate): Promise<Issue> {
    return this.call(async () => {
      const options: Record<string, unknown> = {
        title: update.title,
        addLabels: update.addLabels?.join(","),
        removeLabels: update.removeLabels?.join(","),
        description: update.description,
        // GitLab clears the due date on an empty string.
        dueDate: update.dueDate === null ? "" : update.dueDate,
        stateEvent: update.stateEvent,
        confidential: update.confidential,
        assigneeIds: update.assigneeIds && (update.assigneeIds.length ? update.assigneeIds : [0]),
      };
      const present = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
      if (Object.keys(present).length === 0) {
        throw new GitLabError("bad-request", "updateIssue needs at least one change", 400);
      }
      return toIssue(IssueResponse.parse(await this.api.Issues.edit(project, iid, present)));
    });
  }

  createNote(
    project: ProjectRef,
    iid: number,
    body: string,
    options?: { internal?: boolean },
  ): Promise<Note> {
    return this.call(async () => {
      const created: unknown = await this.api.IssueNotes.create(project, iid, body, {
        ...(options?.internal ? { internal: true } : {}),
      });
      // A body of quick actions only is answered 202 with `commands_changes` and no note.
      if (NoteCommandsResponse.safeParse(created).success && !NoteResponse.safeParse(created).success) {
        throw commandsOnlyNoteError();
      }
      return toNote(NoteResponse.parse(created));
    });
  }

  deleteNote(project: ProjectRef, iid: number, noteId: number): Promise<void> {
    return this.call(async () => {
      try {
        await this.api.IssueNotes.remove(project, iid, noteId);
      } catch (error) {
        // Already gone (a racing run withdrew it first): what we wanted.
        if (error instanceof GitLabError && error.kind === "not-found") return;
        throw error;
      }
    });
  }

  linkIssues(project: ProjectRef, iid: number, target: { projectId: number; iid: number }): Promise<void> {
    return this.call(async () => {
      try {
        await this.api.IssueLinks.create(project, iid, target.projectId, target.iid, {
          linkType: "relates_to",
        });
      } catch (error) {
        // 409 "Issue(s) already assigned": the link exists, which is what we wanted.
        if (error instanceof GitLabError && error.status === 409) return;
        throw error;
      }
    });
  }

  listLabels(project: ProjectRef): Promise<Label[]> {
    return this.call(async () => {
      const labels = await this.api.ProjectLabels.all(project, { perPage: PER_PAGE });
      return z.array(LabelResponse).parse(labels).map(toLabel);
    });
  }

  createLabel(
    project: ProjectRef,
    label: { name: string; color: string; description: string },
  ): Promise<Label> {
    return this.call(async () => {
      try {
        const created = await this.api.ProjectLabels.create(project, label.name, label.color, {
          description: label.description,
        });
        return toLabel(LabelResponse.parse(created));
      } catch (error) {
        if (!(error instanceof GitLabError && error.status === 409)) throw error;
        // "Label already exists" (another run made it): answer with that label.
        const existing = (await this.listLabels(project)).find((candidate) => candidate.name === label.name);
        if (!existing) throw error;
        return existing;
      }
    });
  }

  listRecentPipelines(project: ProjectRef, query: RecentPipelineQuery): Promise<RecentPipeline[]> {
    return this.call(() => listRecentPipelines(this.api, project, query));
  }

  getProject(project: ProjectRef): Promise<Project> {
    return this.call(() => settings.showProject(this.api, project));
  }

  memberAccessLevel(project: ProjectRef, userId: number): Promise<number | null> {
    return this.call(() => settings.memberAccessLevel(this.api, project, userId));
  }

  listTriggerTokens(project: ProjectRef): Promise<TriggerToken[]> {
    return this.call(() => settings.listTriggerTokens(this.api, project));
  }

  createTriggerToken(project: ProjectRef, description: string): Promise<TriggerToken> {
    return this.call(() => settings.createTriggerToken(this.api, project, description));
  }

  listHooks(project: ProjectRef): Promise<ProjectHook[]> {
    return this.call(() => settings.listHooks(this.api, project));
  }

  createHook(project: ProjectRef, hook: HookSettings): Promise<ProjectHook> {
    return this.call(() => settings.createHook(this.api, project, hook));
  }

  updateHook(project: ProjectRef, hookId: number, hook: HookSettings): Promise<ProjectHook> {
    return this.call(() => settings.updateHook(this.api, project, hookId, hook));
  }

  testHook(project: ProjectRef, hookId: number, trigger: "push_events"): Promise<void> {
    return this.call(() => settings.testHook(this.api, project, hookId, trigger));
  }

  setPipelineVariablesRole(project: ProjectRef, role: PipelineVariablesRole): Promise<Project> {
    return this.call(() => settings.setPipelineVariablesRole(this.api, project, role));
  }

  listSchedules(project: ProjectRef): Promise<PipelineSchedule[]> {
    return this.call(() => settings.listSchedules(this.api, project));
  }

  createSchedule(project: ProjectRef, schedule: NewPipelineSchedule): Promise<PipelineSchedule> {
    return this.call(() => settings.createSchedule(this.api, project, schedule));
  }

  updateSchedule(
    project: ProjectRef,
    scheduleId: number,
    changes: Partial<NewPipelineSchedule>,
  ): Promise<PipelineSchedule> {
    return this.call(() => settings.updateSchedule(this.api, project, scheduleId, changes));
  }

  private async issues(
    scope: { projectId: ProjectRef } | { groupId: string },
    query: IssueQuery,
  ): Promise<Issue[]> {
    const params = issueListParams(query);
    const day = query.dueOnOrBefore;
    if (!day) {
      const all = await this.api.Issues.all({ ...scope, ...params, perPage: PER_PAGE });
      return z.array(IssueResponse).parse(all).map(toIssue);
    }
    // Due-date order puts undated issues last, so the first issue due later (or undated) ends the list.
    const due: Issue[] = [];
    for (let page: number | null = 1; page !== null; ) {
      const answer = await this.api.Issues.all({
        ...scope,
        ...params,
        perPage: PER_PAGE,
        page,
        showExpanded: true,
      });
      const { data, paginationInfo } = ExpandedPage.parse(answer);
      const issues = z.array(IssueResponse).parse(data).map(toIssue);
      const dueCount = issues.findIndex((issue) => issue.dueDate === null || issue.dueDate > day);
      due.push(...(dueCount < 0 ? issues : issues.slice(0, dueCount)));
      page = dueCount < 0 ? paginationInfo.next : null;
    }
    return due;
  }

  /** Runs one port call; a zod failure becomes `invalid-response`, and no message keeps the token. */
  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof z.ZodError) {
        const message = `GitLab answered in an unexpected shape: ${z.prettifyError(error)}`;
        throw new GitLabError("invalid-response", redact(message, [this.token]));
      }
      if (error instanceof GitLabError) {
        if (!error.message.includes(this.token)) throw error;
        throw new GitLabError(
          error.kind,
          redact(error.message, [this.token]),
          error.status,
          error.retryAfterMs,
        );
      }
      // Anything else is a bug here or in gitbeaker: surface it as it is, unless it quotes the token.
      if (!(error instanceof Error) || !error.message.includes(this.token)) throw error;
      throw new Error(redact(error.message, [this.token]));
    }
  }
}
