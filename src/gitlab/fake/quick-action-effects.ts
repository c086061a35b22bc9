import { longDate, resolveDueDate } from "./dates.js";
import { labelReference, parseLabelArgs, parseUserArgs, type QuickAction } from "./quick-actions.js";
import type { FakeGitLabRecords } from "./records.js";
import type { FakeIssue, FakeUser, IssueChanges } from "./types.js";

export interface QuickActionOutcome {
  changes: IssueChanges;
  /** GitLab's `commands_changes` of a 202 answer (`add_label_ids`, `state_event`, ...). */
  commandsChanges: Record<string, unknown>;
  /** GitLab's `summary` lines of a 202 answer. */
  summary: string[];
}

/**
 * Turns quick actions into the changes GitLab would make, and records each one as executed with the
 * writer as author. `/label` only applies labels that exist (GitLab does not create them from a
 * quick action); unknown users and unparsable dates are ignored, and the line is still removed.
 */
export function runQuickActions(
  state: FakeGitLabRecords,
  actor: FakeUser,
  issue: FakeIssue,
  actions: QuickAction[],
  source: "description" | "note",
): QuickActionOutcome {
  const outcome: QuickActionOutcome = { changes: {}, commandsChanges: {}, summary: [] };
  for (const action of actions) {
    state.quickActionsExecuted.push({
      command: action.name,
      args: action.args,
      author: actor.username,
      source,
      projectId: issue.projectId,
      iid: issue.iid,
      at: state.now,
    });
    applyAction(state, actor, issue, action, outcome);
  }
  return outcome;
}

function applyAction(
  state: FakeGitLabRecords,
  actor: FakeUser,
  issue: FakeIssue,
  action: QuickAction,
  outcome: QuickActionOutcome,
): void {
  const { changes, commandsChanges, summary } = outcome;
  switch (action.name) {
    case "label":
    case "relabel": {
      const labels = existingLabels(state, issue.projectId, action.args);
      if (labels.length === 0) return;
      const names = labels.map((label) => label.name);
      if (action.name === "relabel") {
        changes.labels = names;
        commandsChanges.label_ids = labels.map((label) => label.id);
      } else {
        changes.addLabels = [...(changes.addLabels ?? []), ...names];
        commandsChanges.add_label_ids = labels.map((label) => label.id);
      }
      summary.push(`Added ${names.map(labelReference).join(" ")} label${names.length > 1 ? "s" : ""}.`);
      return;
    }
    case "unlabel":
    case "remove_label": {
      const names = action.args ? parseLabelArgs(action.args) : [...issue.labels];
      changes.removeLabels = [...(changes.removeLabels ?? []), ...names];
      commandsChanges.remove_label_ids = names
        .map((name) => state.findLabel(issue.projectId, name)?.id)
        .filter((id) => id !== undefined);
      summary.push(`Removed ${names.map(labelReference).join(" ")} label${names.length > 1 ? "s" : ""}.`);
      return;
    }
    case "close":
    case "reopen":
      changes.stateEvent = action.name;
      commandsChanges.state_event = action.name;
      summary.push(action.name === "close" ? "Closed this issue." : "Reopened this issue.");
      return;
    case "confidential":
      changes.confidential = true;
      commandsChanges.confidential = true;
      summary.push("Made this issue confidential.");
      return;
    case "due": {
      const day = resolveDueDate(action.args, state.now);
      if (day === null) return;
      changes.dueDate = day;
      commandsChanges.due_date = day;
      summary.push(`Set the due date to ${longDate(day)}.`);
      return;
    }
    case "remove_due_date":
      changes.dueDate = null;
      commandsChanges.due_date = null;
      summary.push("Removed the due date.");
      return;
    case "assign":
    case "unassign": {
      const ids = resolveUsers(state, actor, action.args);
      if (action.name === "assign") changes.addAssigneeIds = [...(changes.addAssigneeIds ?? []), ...ids];
      else changes.removeAssigneeIds = action.args ? ids : [...issue.assigneeIds];
      commandsChanges.assignee_ids = ids;
      summary.push(action.name === "assign" ? "Assigned users." : "Removed assignees.");
      return;
    }
    case "title":
      if (!action.args) return;
      changes.title = action.args;
      commandsChanges.title = action.args;
      summary.push(`Changed the title to "${action.args}".`);
      return;
    default:
      // `/cc` does nothing on GitLab 15+; the line is still taken out of the text.
      return;
  }
}

function existingLabels(state: FakeGitLabRecords, projectId: number, args: string) {
  return parseLabelArgs(args)
    .map((name) => state.findLabel(projectId, name))
    .filter((label) => label !== undefined);
}

function resolveUsers(state: FakeGitLabRecords, actor: FakeUser, args: string): number[] {
  return parseUserArgs(args)
    .map((name) => (name === "me" ? actor : state.findUser(name)))
    .filter((user) => user !== undefined)
    .map((user) => user.id);
}
