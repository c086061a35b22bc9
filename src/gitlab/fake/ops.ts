import { checklistChanges } from "./checklist.js";
import { longDate } from "./dates.js";
import { type QuickActionOutcome, runQuickActions } from "./quick-action-effects.js";
import { extractQuickActions, labelReference } from "./quick-actions.js";
import type { FakeGitLabState } from "./state.js";
import type {
  FakeIssue,
  FakeLabel,
  FakeLink,
  FakeNote,
  FakeProject,
  FakeUser,
  IssueChanges,
} from "./types.js";

/** A write GitLab refuses; the HTTP server answers with `status`, the port adapter throws a GitLabError. */
export class FakeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "FakeApiError";
  }
}

export interface NewIssueInput {
  title: string;
  description?: string;
  labels?: string[];
  confidential?: boolean;
  assigneeIds?: number[];
  dueDate?: string | null;
}

export interface IssueWrite {
  issue: FakeIssue;
  /** A copy of the issue as it was before the write (the fields webhook `changes` compare). */
  before: FakeIssue;
  changed: boolean;
}

export interface NoteWrite extends IssueWrite {
  /** Null when the body held only quick actions: GitLab then saves no note and answers 202. */
  note: FakeNote | null;
  commands: QuickActionOutcome | null;
}

/** POST /projects/:id/issues: quick actions in the description run with the author's rights. */
export function createIssue(
  state: FakeGitLabState,
  actor: FakeUser,
  project: FakeProject,
  input: NewIssueInput,
): FakeIssue {
  if (!input.title?.trim()) throw new FakeApiError(400, "title is missing");
  const extracted = extractQuickActions(input.description ?? "");
  const issue: FakeIssue = {
    id: state.nextId("issue"),
    iid: project.nextIid++,
    projectId: project.id,
    title: input.title,
    description: extracted.text,
    labels: [],
    state: "opened",
    confidential: false,
    dueDate: null,
    assigneeIds: [],
    authorId: actor.id,
    createdAt: state.now,
    updatedAt: state.now,
    updatedById: null,
    closedAt: null,
    lastEditedAt: null,
    lastEditedById: null,
  };
  state.issues.push(issue);
  const explicit: IssueChanges = {
    addLabels: ensureLabels(state, project.id, input.labels ?? []),
    confidential: input.confidential,
    dueDate: input.dueDate ?? undefined,
    assigneeIds: input.assigneeIds,
  };
  const commands = runQuickActions(state, actor, issue, extracted.actions, "description");
  applyChanges(state, actor, issue, mergeChanges(explicit, commands.changes), { creating: true });
  return issue;
}

/**
 * PUT /projects/:id/issues/:iid. Labels named in `addLabels`/`labels` are created when missing, as the
 * REST API does. With `quickActions` (the default) a new description's command lines run and vanish.
 */
export function updateIssue(
  state: FakeGitLabState,
  actor: FakeUser,
  issue: FakeIssue,
  changes: IssueChanges,
  options: { quickActions?: boolean } = {},
): IssueWrite {
  let merged: IssueChanges = {
    ...changes,
    addLabels: changes.addLabels && ensureLabels(state, issue.projectId, changes.addLabels),
    labels: changes.labels && ensureLabels(state, issue.projectId, changes.labels),
  };
  if (changes.description !== undefined && options.quickActions !== false) {
    const extracted = extractQuickActions(changes.description);
    const commands = runQuickActions(state, actor, issue, extracted.actions, "description");
    merged = mergeChanges({ ...merged, description: extracted.text }, commands.changes);
  }
  return applyChanges(state, actor, issue, merged, { creating: false });
}

/** POST /projects/:id/issues/:iid/notes. */
export function createNote(
  state: FakeGitLabState,
  actor: FakeUser,
  issue: FakeIssue,
  body: string,
  options: { internal?: boolean } = {},
): NoteWrite {
  if (!body.trim()) throw new FakeApiError(400, "Note can't be blank");
  const extracted = extractQuickActions(body);
  const commands =
    extracted.actions.length > 0 ? runQuickActions(state, actor, issue, extracted.actions, "note") : null;
  const write = applyChanges(state, actor, issue, commands?.changes ?? {}, { creating: false });
  if (commands && !extracted.text) return { ...write, note: null, commands };
  const note = addNote(state, issue, actor, extracted.text, { internal: options.internal ?? false });
  issue.updatedAt = state.now;
  return { ...write, note, commands };
}

export function createLabel(
  state: FakeGitLabState,
  project: FakeProject,
  input: { name: string; color: string; description?: string | null },
): FakeLabel {
  const name = input.name?.trim();
  if (!name) throw new FakeApiError(400, "name is missing");
  if (name.includes(",")) throw new FakeApiError(400, "Title can't contain commas");
  if (!/^#[0-9a-f]{3}([0-9a-f]{3})?$|^[a-z]+$/i.test(input.color ?? "")) {
    throw new FakeApiError(400, "Color must be a valid color code");
  }
  if (state.findLabel(project.id, name)) throw new FakeApiError(409, "Label already exists");
  return state.addLabel(project.id, name, input.color, input.description ?? null);
}

/** POST /projects/:id/issues/:iid/links; GitLab answers 409 when the two are already linked. */
export function linkIssues(state: FakeGitLabState, source: FakeIssue, target: FakeIssue): FakeLink {
  if (source.id === target.id) throw new FakeApiError(400, "Cannot link an issue to itself");
  const existing = state.links.find(
    (link) =>
      (link.sourceIssueId === source.id && link.targetIssueId === target.id) ||
      (link.sourceIssueId === target.id && link.targetIssueId === source.id),
  );
  if (existing) throw new FakeApiError(409, "Issue(s) already assigned");
  const link = { id: state.nextId("link"), sourceIssueId: source.id, targetIssueId: target.id };
  state.links.push(link);
  return link;
}

/** Issues linked to this one, either direction, with the link id. */
export function linkedIssues(
  state: FakeGitLabState,
  issue: FakeIssue,
): Array<{ issue: FakeIssue; linkId: number }> {
  return state.links
    .filter((link) => link.sourceIssueId === issue.id || link.targetIssueId === issue.id)
    .map((link) => {
      const otherId = link.sourceIssueId === issue.id ? link.targetIssueId : link.sourceIssueId;
      return { issue: state.issueById(otherId)!, linkId: link.id };
    });
}

function applyChanges(
  state: FakeGitLabState,
  actor: FakeUser,
  issue: FakeIssue,
  changes: IssueChanges,
  mode: { creating: boolean },
): IssueWrite {
  const before: FakeIssue = { ...issue, labels: [...issue.labels], assigneeIds: [...issue.assigneeIds] };
  const notes: string[] = [];
  const noteUnlessCreating = (text: string) => (mode.creating ? undefined : notes.push(text));

  if (changes.title !== undefined && changes.title !== issue.title) {
    noteUnlessCreating(`changed title from **${issue.title}** to **${changes.title}**`);
    issue.title = changes.title;
  }
  if (changes.description !== undefined && changes.description !== issue.description) {
    const ticks = checklistChanges(issue.description, changes.description);
    // GitLab writes task notes when checkboxes changed and "changed the description" otherwise.
    if (ticks.length === 0) noteUnlessCreating("changed the description");
    for (const tick of ticks) {
      noteUnlessCreating(
        `marked the checklist item **${tick.text}** as ${tick.checked ? "completed" : "incomplete"}`,
      );
    }
    issue.description = changes.description;
    issue.lastEditedAt = state.now;
    issue.lastEditedById = actor.id;
  }
  applyLabels(issue, changes, notes);
  if (changes.dueDate !== undefined && changes.dueDate !== issue.dueDate) {
    noteUnlessCreating(
      changes.dueDate ? `changed due date to ${longDate(changes.dueDate)}` : "removed due date",
    );
    issue.dueDate = changes.dueDate;
  }
  if (changes.confidential !== undefined && changes.confidential !== issue.confidential) {
    noteUnlessCreating(
      changes.confidential ? "made the issue confidential" : "made the issue visible to everyone",
    );
    issue.confidential = changes.confidential;
  }
  applyAssignees(state, issue, changes, mode.creating ? [] : notes);
  if (changes.stateEvent === "close" && issue.state === "opened") {
    issue.state = "closed";
    issue.closedAt = state.now;
    notes.push("closed");
  } else if (changes.stateEvent === "reopen" && issue.state === "closed") {
    issue.state = "opened";
    issue.closedAt = null;
    notes.push("reopened");
  }
  const changed = JSON.stringify(before) !== JSON.stringify(issue);
  if (changed && !mode.creating) {
    issue.updatedAt = state.now;
    issue.updatedById = actor.id;
  }
  for (const text of notes) addNote(state, issue, actor, text, { system: true });
  return { issue, before, changed };
}

function applyLabels(issue: FakeIssue, changes: IssueChanges, notes: string[]): void {
  const next = [...(changes.labels ?? issue.labels)];
  for (const name of changes.addLabels ?? []) if (!next.includes(name)) next.push(name);
  const remove = new Set(changes.removeLabels ?? []);
  const kept = next.filter((name) => !remove.has(name));
  const added = kept.filter((name) => !issue.labels.includes(name));
  const removed = issue.labels.filter((name) => !kept.includes(name));
  issue.labels = kept;
  const parts: string[] = [];
  if (added.length)
    parts.push(`added ${added.map(labelReference).join(" ")} label${added.length > 1 ? "s" : ""}`);
  if (removed.length) {
    parts.push(`removed ${removed.map(labelReference).join(" ")} label${removed.length > 1 ? "s" : ""}`);
  }
  if (parts.length) notes.push(parts.join(" and "));
}

function applyAssignees(
  state: FakeGitLabState,
  issue: FakeIssue,
  changes: IssueChanges,
  notes: string[],
): void {
  const known = (id: number) => state.users.some((user) => user.id === id);
  let next = (changes.assigneeIds ?? issue.assigneeIds).filter(known);
  for (const id of changes.addAssigneeIds ?? []) if (!next.includes(id)) next.push(id);
  next = next.filter((id) => !(changes.removeAssigneeIds ?? []).includes(id));
  const added = next.filter((id) => !issue.assigneeIds.includes(id));
  const removed = issue.assigneeIds.filter((id) => !next.includes(id));
  issue.assigneeIds = [...new Set(next)];
  const mention = (ids: number[]) => ids.map((id) => `@${state.userById(id).username}`).join(", ");
  const parts: string[] = [];
  if (added.length) parts.push(`assigned to ${mention(added)}`);
  if (removed.length) parts.push(`unassigned ${mention(removed)}`);
  if (parts.length) notes.push(parts.join(" and "));
}

function addNote(
  state: FakeGitLabState,
  issue: FakeIssue,
  author: FakeUser,
  body: string,
  flags: { system?: boolean; internal?: boolean },
): FakeNote {
  const note: FakeNote = {
    id: state.nextId("note"),
    issueId: issue.id,
    body,
    authorId: author.id,
    system: flags.system ?? false,
    internal: flags.internal ?? false,
    createdAt: state.now,
    updatedAt: state.now,
  };
  state.notes.push(note);
  return note;
}

/** Creates the labels the REST API would create on the fly, and returns the names. */
function ensureLabels(state: FakeGitLabState, projectId: number, names: string[]): string[] {
  const clean = names.map((name) => name.trim()).filter((name) => name.length > 0);
  for (const name of clean) if (!state.findLabel(projectId, name)) state.addLabel(projectId, name);
  return clean;
}

/** Quick-action params win over explicit ones, as in GitLab's `params.merge!(command_params)`; lists add up. */
function mergeChanges(explicit: IssueChanges, commands: IssueChanges): IssueChanges {
  const merged: IssueChanges = { ...explicit };
  for (const [key, value] of Object.entries(commands) as Array<[keyof IssueChanges, never]>) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] = (Array.isArray(current) && Array.isArray(value) ? [...current, ...value] : value) as never;
  }
  return merged;
}
