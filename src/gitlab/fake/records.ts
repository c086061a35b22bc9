import type { ProjectRef } from "../port.js";
import { addDuration, type Duration, dayOf, isoFromMs, parseIso } from "./dates.js";
import type { WebhookPayload } from "./payload-types.js";
import { type FakeRateLimits, GITLAB_RATE_LIMITS, type RateWindows, throttled } from "./rate-windows.js";
import type { TickNoteFormat } from "./tick-notes.js";
import type {
  FakeGroup,
  FakeHook,
  FakeIssue,
  FakeLabel,
  FakeLink,
  FakeNote,
  FakePipeline,
  FakePipelineSource,
  FakeProject,
  FakeRole,
  FakeRoleSource,
  FakeSchedule,
  FakeTrigger,
  FakeUser,
  QuickActionRecord,
} from "./types.js";

export interface FakeStateSeed {
  /** ISO time the fake starts at; every created_at/updated_at comes from `state.now`. */
  now?: string;
  users?: Array<string | { username: string; name?: string }>;
  /** Project paths (`group/project`); the groups are made on the way. */
  projects?: string[];
  /**
   * `"free"` (the default) keeps one assignee per issue, as GitLab Free does; `"premium"` allows
   * several (the `multiple_issue_assignees` licensed feature of Premium and Ultimate).
   */
  tier?: "free" | "premium";
  /** The wording of tick notes, as GitLab.com writes them unless set (`tick-notes.ts`). */
  tickNoteFormat?: TickNoteFormat;
}

type IdKind =
  | "user"
  | "group"
  | "project"
  | "label"
  | "issue"
  | "note"
  | "link"
  | "trigger"
  | "hook"
  | "schedule"
  | "pipeline";

/*
 * Each kind of record counts from its own base, so a test that confuses an issue's global id with its
 * iid, or a note id with an issue id, fails instead of passing by coincidence.
 */
const ID_BASES: Record<IdKind, number> = {
  user: 0,
  group: 50,
  project: 100,
  label: 300,
  issue: 1000,
  note: 5000,
  link: 9000,
  trigger: 20,
  hook: 40,
  schedule: 60,
  pipeline: 700,
};

/**
 * An in-memory GitLab's records (`FakeGitLabState` in state.ts adds acting as a human): the records, a settable clock and what happened (quick actions run, webhook
 * payloads of human actions, request counts). Writes go through the functions in `ops.ts`, which
 * behave like GitLab (quick actions, system notes); `as(username)` acts as a human and also yields
 * the webhook payloads GitLab would send.
 */
export class FakeGitLabRecords {
  private clock: string;
  /**
   * Whether an issue can have several assignees. GitLab checks `allows_multiple_assignees?`, which is
   * `false` in the Free edition (app/models/concerns/issuable.rb) and the licensed feature
   * `multiple_issue_assignees` in EE (ee/app/models/ee/issue.rb).
   */
  multipleAssignees: boolean;
  webUrl = "https://gitlab.example.com";
  /** How tick notes are worded: GitLab.com's today, or an older GitLab's (settable mid-test). */
  tickNoteFormat: TickNoteFormat;
  readonly users: FakeUser[] = [];
  readonly groups: FakeGroup[] = [];
  readonly projects: FakeProject[] = [];
  readonly labels: FakeLabel[] = [];
  readonly issues: FakeIssue[] = [];
  readonly notes: FakeNote[] = [];
  readonly links: FakeLink[] = [];
  readonly triggers: FakeTrigger[] = [];
  readonly hooks: FakeHook[] = [];
  readonly schedules: FakeSchedule[] = [];
  /** Pipelines the trigger endpoint created, and those tests seeded (`addPipeline`). */
  readonly pipelines: FakePipeline[] = [];
  /**
   * GitLab before 17.1: no `ci_pipeline_variables_minimum_override_role`; with
   * `restrict_user_defined_variables` only Maintainers may set variables.
   */
  legacyPipelineVariables = false;
  /** What a webhook receiver other than the fake's own trigger endpoint answers. */
  hookReceiverStatus = 200;
  /**
   * `projectId:userId` -> role; anyone not listed is a Maintainer, so tests opt in to refusals.
   * `"none"` is no access at all (GitLab then answers 404 for the project: access.ts).
   */
  readonly roles = new Map<string, FakeRole | "none">();
  /**
   * `projectId:userId` -> where a role comes from, when not a direct project membership: GitLab's
   * `permissions` in `GET /projects/:id` shows only the project's own and its group's memberships.
   */
  readonly roleSources = new Map<string, FakeRoleSource>();
  /** Every quick action GitLab executed, in order, with who wrote it and where. */
  readonly quickActionsExecuted: QuickActionRecord[] = [];
  /** Webhook payloads of human actions, in the order GitLab would send them. */
  readonly webhooks: WebhookPayload[] = [];
  /** Requests served, keyed `METHOD /route` (e.g. `GET /projects/:id/issues`). */
  readonly requestCounts = new Map<string, number>();
  /**
   * Issue-list requests (every page) with the `search` parameter. GitLab throttles these per user
   * apart from other requests: lib/api/issues.rb calls `validate_search_rate_limit!` when `search`
   * is present, which checks `:search_rate_limit` (30 a minute by default).
   */
  issueSearches = 0;
  /** GitLab's application rate limits the fake enforces (rate-windows.ts); tests may lower them. */
  rateLimits: FakeRateLimits = { ...GITLAB_RATE_LIMITS };
  readonly rateWindows: RateWindows = new Map();
  private readonly lastIds = new Map<IdKind, number>();

  constructor(seed: FakeStateSeed = {}) {
    this.clock = isoFromMs(parseIso(seed.now ?? "2026-01-05T09:00:00.000Z"));
    this.multipleAssignees = seed.tier === "premium";
    this.tickNoteFormat = seed.tickNoteFormat ?? "rendered";
    for (const user of seed.users ?? []) {
      if (typeof user === "string") this.addUser(user);
      else this.addUser(user.username, user.name);
    }
    for (const path of seed.projects ?? []) this.addProject(path);
  }

  /** The fake's clock (ISO). Tests set or `advance` it; nothing here reads the real clock. */
  get now(): string {
    return this.clock;
  }

  /** Accepts any ISO form and stores GitLab's (`2026-01-05T09:00:00.000Z`). */
  set now(iso: string) {
    this.clock = isoFromMs(parseIso(iso));
  }

  nextId(kind: IdKind): number {
    const id = (this.lastIds.get(kind) ?? ID_BASES[kind]) + 1;
    this.lastIds.set(kind, id);
    return id;
  }

  /** Moves the clock forward and returns the new time. */
  advance(duration: Duration): string {
    this.now = addDuration(this.now, duration);
    return this.now;
  }

  today(): string {
    return dayOf(this.now);
  }

  addUser(username: string, name?: string): FakeUser {
    if (this.findUser(username)) throw new Error(`user @${username} already exists in the fake`);
    const user = { id: this.nextId("user"), username, name: name ?? titleCase(username) };
    this.users.push(user);
    return user;
  }

  addProject(path: string, name?: string): FakeProject {
    if (this.findProject(path)) throw new Error(`project ${path} already exists in the fake`);
    const slash = path.lastIndexOf("/");
    if (slash <= 0) throw new Error(`project path "${path}" needs a group, e.g. career/people`);
    const groupPath = path.slice(0, slash);
    this.ensureGroups(groupPath);
    const project: FakeProject = {
      id: this.nextId("project"),
      path,
      groupPath,
      name: name ?? path.slice(slash + 1),
      nextIid: 1,
      defaultBranch: "main",
      // A project made before GitLab.com's 17.7 default: Developers may set pipeline variables.
      restrictUserDefinedVariables: true,
      pipelineVariablesRole: "developer",
    };
    this.projects.push(project);
    return project;
  }

  /**
   * Seeds a pipeline directly (no request counted): one started by `username` (e.g. a trigger
   * pipeline, which runs as the trigger's owner) at `createdAt` (default: now).
   */
  addPipeline(
    project: ProjectRef,
    options: { username: string; source?: FakePipelineSource; createdAt?: string; ref?: string },
  ): FakePipeline {
    const target = this.requireProject(project);
    const at = isoFromMs(parseIso(options.createdAt ?? this.now));
    const pipeline: FakePipeline = {
      id: this.nextId("pipeline"),
      projectId: target.id,
      ref: options.ref ?? target.defaultBranch ?? "main",
      source: options.source ?? "trigger",
      userId: this.requireUser(options.username).id,
      variables: {},
      createdAt: at,
      updatedAt: at,
    };
    this.pipelines.push(pipeline);
    return pipeline;
  }

  /**
   * Gives a user a role in a project (e.g. a Reporter token that cannot create triggers), or none
   * (`"none"`: not a member), held through `source` (default: a direct project membership).
   */
  setRole(project: ProjectRef, username: string, role: FakeRole | "none", source?: FakeRoleSource): void {
    const key = `${this.requireProject(project).id}:${this.requireUser(username).id}`;
    this.roles.set(key, role);
    if (source === undefined || source === "project") this.roleSources.delete(key);
    else this.roleSources.set(key, source);
  }

  /** The user's role, or undefined when they have no access to the project at all. */
  membership(projectId: number, userId: number): FakeRole | undefined {
    const role = this.roles.get(`${projectId}:${userId}`) ?? "maintainer";
    return role === "none" ? undefined : role;
  }

  /** Where the user's role comes from (a direct project membership unless setRole said otherwise). */
  roleSource(projectId: number, userId: number): FakeRoleSource {
    return this.roleSources.get(`${projectId}:${userId}`) ?? "project";
  }

  /** The role for checks that come after the project was found (a non-member never gets that far). */
  roleOf(projectId: number, userId: number): FakeRole {
    return this.membership(projectId, userId) ?? "guest";
  }

  /** Seeds a label directly (no request counted), e.g. what `career-bot setup` would have made. */
  addLabel(
    project: ProjectRef,
    name: string,
    color = "#6699cc",
    description: string | null = null,
  ): FakeLabel {
    const target = this.requireProject(project);
    const label = {
      id: this.nextId("label"),
      projectId: target.id,
      name,
      color,
      description,
      createdAt: this.now,
      updatedAt: this.now,
    };
    this.labels.push(label);
    return label;
  }

  findUser(username: string): FakeUser | undefined {
    return this.users.find((user) => user.username.toLowerCase() === username.toLowerCase());
  }

  requireUser(username: string): FakeUser {
    const user = this.findUser(username);
    if (!user) throw new Error(`no user @${username} in the fake; add it with state.addUser("${username}")`);
    return user;
  }

  userById(id: number): FakeUser {
    const user = this.users.find((candidate) => candidate.id === id);
    if (!user) throw new Error(`no user with id ${id} in the fake`);
    return user;
  }

  /** By numeric id, numeric string (as in a URL) or `group/project` path. */
  findProject(ref: ProjectRef): FakeProject | undefined {
    if (typeof ref === "number" || /^\d+$/.test(ref)) return this.projects.find((p) => p.id === Number(ref));
    return this.projects.find((project) => project.path.toLowerCase() === ref.toLowerCase());
  }

  requireProject(ref: ProjectRef): FakeProject {
    const project = this.findProject(ref);
    if (!project)
      throw new Error(`no project ${ref} in the fake; add it with state.addProject("group/name")`);
    return project;
  }

  /** The first project: what human helpers use when a test does not name one. */
  defaultProject(): FakeProject {
    const project = this.projects[0];
    if (!project) throw new Error("the fake has no project yet; add one with state.addProject()");
    return project;
  }

  findGroup(ref: number | string): FakeGroup | undefined {
    if (typeof ref === "number" || /^\d+$/.test(ref)) return this.groups.find((g) => g.id === Number(ref));
    return this.groups.find((group) => group.path.toLowerCase() === ref.toLowerCase());
  }

  findIssue(projectId: number, iid: number): FakeIssue | undefined {
    return this.issues.find((issue) => issue.projectId === projectId && issue.iid === iid);
  }

  /**
   * A person (Owner or admin) deletes an issue: GitLab then answers 404 for it and lists it no more.
   * Its notes and links go with it.
   */
  deleteIssue(projectId: number, iid: number): void {
    const issue = this.findIssue(projectId, iid);
    if (!issue) return;
    this.issues.splice(this.issues.indexOf(issue), 1);
    for (let i = this.notes.length - 1; i >= 0; i -= 1)
      if (this.notes[i]!.issueId === issue.id) this.notes.splice(i, 1);
    for (let i = this.links.length - 1; i >= 0; i -= 1) {
      const link = this.links[i]!;
      if (link.sourceIssueId === issue.id || link.targetIssueId === issue.id) this.links.splice(i, 1);
    }
  }

  issueById(id: number): FakeIssue | undefined {
    return this.issues.find((issue) => issue.id === id);
  }

  projectLabels(projectId: number): FakeLabel[] {
    return this.labels.filter((label) => label.projectId === projectId);
  }

  findLabel(projectId: number, name: string): FakeLabel | undefined {
    return this.labels.find((label) => label.projectId === projectId && label.name === name);
  }

  /** Notes of an issue in creation order, system notes included. */
  notesOf(issueId: number): FakeNote[] {
    return [...(this.notesByIssue().get(issueId) ?? [])];
  }

  /*
   * Notes by issue, rebuilt whenever the notes changed. Rendering a page of 100 issues asks each one's
   * comment count; filtering every note of a 10,000-issue project for each made the fake, not the
   * bot, what a benchmark timed. Notes are only ever appended or spliced out, so the count and the
   * last note together tell whether the index is stale.
   */
  private noteIndex?: { length: number; last: FakeNote | undefined; byIssue: Map<number, FakeNote[]> };

  private notesByIssue(): Map<number, FakeNote[]> {
    const last = this.notes.at(-1);
    const index = this.noteIndex;
    if (index && index.length === this.notes.length && index.last === last) return index.byIssue;
    const byIssue = new Map<number, FakeNote[]>();
    for (const note of this.notes) {
      const list = byIssue.get(note.issueId);
      if (list) list.push(note);
      else byIssue.set(note.issueId, [note]);
    }
    this.noteIndex = { length: this.notes.length, last, byIssue };
    return byIssue;
  }

  /** Counts a request against an application rate limit; true when it is over it (rate-windows.ts). */
  overLimit(key: string, threshold: number): boolean {
    return throttled(this.rateWindows, key, threshold, parseIso(this.now));
  }

  countRequest(method: string, route: string): void {
    const key = `${method} ${route}`;
    this.requestCounts.set(key, (this.requestCounts.get(key) ?? 0) + 1);
  }

  /** Requests served whose `METHOD /route` key starts with the prefix (all when omitted). */
  requestCount(prefix = ""): number {
    let total = 0;
    for (const [key, count] of this.requestCounts) if (key.startsWith(prefix)) total += count;
    return total;
  }

  private ensureGroups(path: string): void {
    const parts = path.split("/");
    for (let depth = 1; depth <= parts.length; depth += 1) {
      const prefix = parts.slice(0, depth).join("/");
      if (!this.findGroup(prefix)) this.groups.push({ id: this.nextId("group"), path: prefix });
    }
  }
}

function titleCase(username: string): string {
  return username
    .split(/[._-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(" ");
}
