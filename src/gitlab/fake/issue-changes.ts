import { checklistChanges } from "./checklist.js";
import { longDate } from "./dates.js";
import { labelReference } from "./quick-actions.js";
import type { FakeGitLabRecords } from "./records.js";
import { tickNoteBody } from "./tick-notes.js";
import type { FakeIssue, FakeNote, FakeUser, IssueChanges } from "./types.js";

/** What one write did: the issue, a copy from before (webhook `changes` compare them), and whether anything moved. */
export interface IssueWrite {
  issue: FakeIssue;
  before: FakeIssue;
  changed: boolean;
}

/**
 * Applies changes to an issue the way GitLab does, writing its system notes as the actor: title,
 * description (checklist ticks become "marked the checklist item" notes in `state.tickNoteFormat`, other edits "changed the
 * description"), labels, due date, confidentiality, assignees, state. On creation only label and
 * state notes are written, as GitLab records only those as events of a new issue.
 */
export function applyChanges(
  state: FakeGitLabRecords,
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
    for (const tick of ticks) noteUnlessCreating(tickNoteBody(state.tickNoteFormat, tick.text, tick.checked));
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
  state: FakeGitLabRecords,
  issue: FakeIssue,
  changes: IssueChanges,
  notes: string[],
): void {
  const known = (id: number) => state.users.some((user) => user.id === id);
  let next = changes.assigneeIds ?? issue.assigneeIds;
  // IssuableBaseService#filter_assignees_using_checks: without multiple assignees GitLab keeps the
  // first id sent (`params[id_key].first(1)`) and drops the rest without an error.
  if (changes.assigneeIds && !state.multipleAssignees) next = next.slice(0, 1);
  next = next.filter(known);
  const add = changes.addAssigneeIds ?? [];
  // The `/assign` quick action on Free replaces the assignee with its first user
  // (`@updates[:assignee_ids] = [users.first.id]`); with multiple assignees it adds them all.
  if (!state.multipleAssignees && add.length > 0) next = add.slice(0, 1);
  else for (const id of add) if (!next.includes(id)) next.push(id);
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

export function addNote(
  state: FakeGitLabRecords,
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
