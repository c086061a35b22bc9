import { FakeApiError } from "./ops.js";
import type { FakeGitLabRecords } from "./records.js";
import type { FakeIssue, FakeProject, FakeRole, FakeUser, IssueChanges } from "./types.js";

/*
 * Who may see and change what, as GitLab decides it for a private project:
 *
 * - lib/api/helpers.rb `user_project` / `find_project!`: a project the user cannot read is
 *   "404 Project Not Found", never 403 (GitLab does not say that it exists).
 * - app/policies/issue_policy.rb: a confidential issue is readable only by Planner and up (the
 *   `read_confidential_issues` ability; Reporter and up before the Planner role existed), its
 *   author and its assignees (`IssueCollection#visible_to`). For anyone else GitLab's finders leave
 *   it out of every listing, `GET` answers "404 Not found", and (since the policy also prevents
 *   update) so does a note on it.
 * - lib/api/issues.rb `PUT /projects/:id/issues/:issue_iid`: the issue is found with
 *   `user_project.issues.find_by!` (no visibility filter), then `authorize! :update_issue`: 403 when
 *   the user may not update it. Planner and up may update any issue; a Guest only one they wrote or
 *   are assigned to, and then `IssuableBaseService#filter_params` silently drops what needs
 *   `admin_issue` (labels, due date, assignees, confidentiality).
 * - lib/api/helpers/label_helpers.rb `create_label`: `authorize! :admin_label`, Planner or Reporter and
 *   up; 403 below.
 */

const RANK: FakeRole[] = ["guest", "planner", "reporter", "developer", "maintainer", "owner"];

function atLeast(role: FakeRole, min: FakeRole): boolean {
  return RANK.indexOf(role) >= RANK.indexOf(min);
}

/** The project if the user can see it at all; GitLab's 404 otherwise. */
export function visibleProject(state: FakeGitLabRecords, user: FakeUser, project: FakeProject): FakeProject {
  if (state.membership(project.id, user.id) === undefined)
    throw new FakeApiError(404, "404 Project Not Found");
  return project;
}

export function canReadIssue(state: FakeGitLabRecords, user: FakeUser, issue: FakeIssue): boolean {
  const role = state.membership(issue.projectId, user.id);
  if (role === undefined) return false;
  if (!issue.confidential) return true;
  return atLeast(role, "planner") || issue.authorId === user.id || issue.assigneeIds.includes(user.id);
}

/** The issue for a read or a note; 404 for one the user may not see, as GitLab's finders answer. */
export function readableIssue(state: FakeGitLabRecords, user: FakeUser, issue: FakeIssue): FakeIssue {
  if (!canReadIssue(state, user, issue)) throw new FakeApiError(404, "404 Not found");
  return issue;
}

/** Issues of a listing the user may see: a confidential one is simply absent. */
export function visibleIssues(state: FakeGitLabRecords, user: FakeUser, issues: FakeIssue[]): FakeIssue[] {
  return issues.filter((issue) => canReadIssue(state, user, issue));
}

/**
 * The changes GitLab applies for this user, or 403 when it found the issue but the user may not
 * update it. A Guest's changes to what needs `admin_issue` are dropped, as GitLab drops them.
 */
export function allowedUpdate(
  state: FakeGitLabRecords,
  user: FakeUser,
  issue: FakeIssue,
  changes: IssueChanges,
): IssueChanges {
  const role = state.membership(issue.projectId, user.id);
  if (role === undefined) throw new FakeApiError(404, "404 Project Not Found");
  const involved = issue.authorId === user.id || issue.assigneeIds.includes(user.id);
  if (!canReadIssue(state, user, issue) || (!atLeast(role, "planner") && !involved)) {
    throw new FakeApiError(403, "403 Forbidden");
  }
  if (atLeast(role, "planner")) return changes;
  const {
    addLabels: _addLabels,
    removeLabels: _removeLabels,
    labels: _labels,
    dueDate: _dueDate,
    confidential: _confidential,
    assigneeIds: _assigneeIds,
    addAssigneeIds: _addAssigneeIds,
    removeAssigneeIds: _removeAssigneeIds,
    ...kept
  } = changes;
  return kept;
}

/** Creating a project label: Planner or Reporter and up (`admin_label`). */
export function requireLabelAdmin(state: FakeGitLabRecords, user: FakeUser, project: FakeProject): void {
  const role = state.membership(project.id, user.id);
  if (role === undefined) throw new FakeApiError(404, "404 Project Not Found");
  if (!atLeast(role, "planner")) throw new FakeApiError(403, "403 Forbidden");
}
