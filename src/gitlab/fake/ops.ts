import { addNote, applyChanges, type IssueWrite } from "./issue-changes.js";
import { type QuickActionOutcome, runQuickActions } from "./quick-action-effects.js";
import { extractQuickActions } from "./quick-actions.js";
import type { FakeGitLabRecords } from "./records.js";
import type {
  FakeIssue,
  FakeLabel,
  FakeLink,
  FakeNote,
  FakeProject,
  FakeUser,
  IssueChanges,
} from "./types.js";

export type { IssueWrite } from "./issue-changes.js";

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

export interface NoteWrite extends IssueWrite {
  /** Null when the body held only quick actions: GitLab then saves no note and answers 202. */
  note: FakeNote | null;
  commands: QuickActionOutcome | null;
}

/** POST /projects/:id/issues: quick actions in the description run with the author's rights. */
export function createIssue(
  state: FakeGitLabRecords,
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
  state: FakeGitLabRecords,
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
  state: FakeGitLabRecords,
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

/**
 * DELETE /projects/:id/issues/:iid/notes/:note_id: only the author (or an admin) may; a note already
 * gone is not an error for the port, which is what a withdrawing run wants.
 */
export function deleteNote(
  state: FakeGitLabRecords,
  actor: FakeUser,
  issue: FakeIssue,
  noteId: number,
): void {
  const index = state.notes.findIndex((note) => note.id === noteId && note.issueId === issue.id);
  if (index < 0) return;
  const note = state.notes[index]!;
  if (note.system || note.authorId !== actor.id) throw new FakeApiError(403, "403 Forbidden");
  state.notes.splice(index, 1);
}

export function createLabel(
  state: FakeGitLabRecords,
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
export function linkIssues(state: FakeGitLabRecords, source: FakeIssue, target: FakeIssue): FakeLink {
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
  state: FakeGitLabRecords,
  issue: FakeIssue,
): Array<{ issue: FakeIssue; linkId: number }> {
  return state.links
    .filter((link) => link.sourceIssueId === issue.id || link.targetIssueId === issue.id)
    .map((link) => {
      const otherId = link.sourceIssueId === issue.id ? link.targetIssueId : link.sourceIssueId;
      return { issue: state.issueById(otherId)!, linkId: link.id };
    });
}

/** Creates the labels the REST API would create on the fly, and returns the names. */
function ensureLabels(state: FakeGitLabRecords, projectId: number, names: string[]): string[] {
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
