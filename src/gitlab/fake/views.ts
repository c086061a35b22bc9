import type { Issue, Label, Note, User } from "../port.js";
import type { FakeGitLabRecords } from "./records.js";
import type { FakeIssue, FakeLabel, FakeNote, FakeUser } from "./types.js";

/* The port's view of the fake's records, used by `FakeGitLab` and by the human helpers' results. */

export function portUser(user: FakeUser): User {
  return { id: user.id, username: user.username, name: user.name };
}

export function issueWebUrl(state: FakeGitLabRecords, issue: FakeIssue): string {
  const project = state.requireProject(issue.projectId);
  return `${state.webUrl}/${project.path}/-/issues/${issue.iid}`;
}

export function portIssue(state: FakeGitLabRecords, issue: FakeIssue): Issue {
  return {
    id: issue.id,
    iid: issue.iid,
    projectId: issue.projectId,
    title: issue.title,
    description: issue.description,
    labels: [...issue.labels],
    state: issue.state,
    confidential: issue.confidential,
    dueDate: issue.dueDate,
    author: portUser(state.userById(issue.authorId)),
    assignees: issue.assigneeIds.map((id) => portUser(state.userById(id))),
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    closedAt: issue.closedAt,
    webUrl: issueWebUrl(state, issue),
    userNotesCount: state.notesOf(issue.id).filter((note) => !note.system).length,
  };
}

export function portNote(state: FakeGitLabRecords, note: FakeNote): Note {
  return {
    id: note.id,
    body: note.body,
    author: portUser(state.userById(note.authorId)),
    system: note.system,
    internal: note.internal,
    createdAt: note.createdAt,
  };
}

export function portLabel(label: FakeLabel): Label {
  return { id: label.id, name: label.name, color: label.color, description: label.description };
}
