import type { Issue, Note, ProjectRef } from "../port.js";
import { setChecklistItem } from "./checklist.js";
import { createIssue, createNote, type IssueWrite, updateIssue } from "./ops.js";
import {
  type IssueHookPayload,
  issueHookPayload,
  type NoteHookPayload,
  noteHookPayload,
  type WebhookPayload,
} from "./payloads.js";
import type { FakeGitLabRecords } from "./records.js";
import type { FakeIssue, FakeUser, IssueChanges } from "./types.js";
import { portIssue, portNote } from "./views.js";

export interface HumanIssueResult {
  issue: Issue;
  /** The Issue Hook GitLab sends for this action (also appended to `state.webhooks`). */
  payload: IssueHookPayload;
  payloads: WebhookPayload[];
}

export interface HumanCommentResult {
  issue: Issue;
  /** Null when the comment held only quick actions: GitLab then saves no note and sends no Note Hook. */
  note: Note | null;
  payload: NoteHookPayload | null;
  /** The Note Hook, then an Issue Hook when the comment's quick actions changed the issue. */
  payloads: WebhookPayload[];
}

export interface NewHumanIssue {
  /** Defaults to the first project of the fake. */
  project?: ProjectRef;
  title: string;
  description?: string;
  labels?: string[];
  confidential?: boolean;
  dueDate?: string | null;
  assignees?: string[];
}

/**
 * A person using GitLab's UI. Their writes behave like the bot's (quick actions run with their rights,
 * system notes name them), and each returns the webhook payloads GitLab would deliver for it, so a
 * scenario test can hand them to the bot's event handler. Throws when an action would change nothing,
 * since GitLab would send no webhook and the test most likely has a typo.
 */
export class HumanActor {
  constructor(
    private readonly state: FakeGitLabRecords,
    readonly user: FakeUser,
  ) {}

  openIssue(input: NewHumanIssue): HumanIssueResult {
    const project =
      input.project === undefined ? this.state.defaultProject() : this.state.requireProject(input.project);
    const issue = createIssue(this.state, this.user, project, {
      title: input.title,
      description: input.description,
      labels: input.labels,
      confidential: input.confidential,
      dueDate: input.dueDate,
      assigneeIds: input.assignees?.map((username) => this.state.requireUser(username).id),
    });
    return this.issueResult(issue, issueHookPayload(this.state, this.user, issue, null, "open"));
  }

  comment(
    project: ProjectRef,
    iid: number,
    body: string,
    options: { internal?: boolean } = {},
  ): HumanCommentResult {
    const write = createNote(this.state, this.user, this.issue(project, iid), body, options);
    const payloads: WebhookPayload[] = [];
    const payload = write.note ? noteHookPayload(this.state, write.note, write.issue) : null;
    if (payload) payloads.push(payload);
    if (write.changed) payloads.push(this.updatePayload(write));
    this.state.webhooks.push(...payloads);
    return {
      issue: portIssue(this.state, write.issue),
      note: write.note && portNote(this.state, write.note),
      payload,
      payloads,
    };
  }

  /** Ticks the first unticked checklist item with this text, as clicking its box does. */
  tick(project: ProjectRef, iid: number, itemText: string): HumanIssueResult {
    return this.setItem(project, iid, itemText, true);
  }

  untick(project: ProjectRef, iid: number, itemText: string): HumanIssueResult {
    return this.setItem(project, iid, itemText, false);
  }

  /** Saves a new description through the edit form: quick actions in it run. */
  editDescription(project: ProjectRef, iid: number, description: string): HumanIssueResult {
    return this.update(project, iid, { description });
  }

  addLabels(project: ProjectRef, iid: number, labels: string[]): HumanIssueResult {
    return this.update(project, iid, { addLabels: labels });
  }

  removeLabels(project: ProjectRef, iid: number, labels: string[]): HumanIssueResult {
    return this.update(project, iid, { removeLabels: labels });
  }

  setDueDate(project: ProjectRef, iid: number, dueDate: string | null): HumanIssueResult {
    return this.update(project, iid, { dueDate });
  }

  close(project: ProjectRef, iid: number): HumanIssueResult {
    return this.update(project, iid, { stateEvent: "close" });
  }

  reopen(project: ProjectRef, iid: number): HumanIssueResult {
    return this.update(project, iid, { stateEvent: "reopen" });
  }

  update(project: ProjectRef, iid: number, changes: IssueChanges): HumanIssueResult {
    const write = updateIssue(this.state, this.user, this.issue(project, iid), changes);
    if (!write.changed) throw new Error(`@${this.user.username}'s edit of #${iid} changed nothing`);
    return this.issueResult(write.issue, this.updatePayload(write));
  }

  private setItem(project: ProjectRef, iid: number, itemText: string, checked: boolean): HumanIssueResult {
    const issue = this.issue(project, iid);
    const description = setChecklistItem(issue.description, itemText, checked);
    if (description === null) {
      const want = checked ? "unticked" : "ticked";
      throw new Error(`#${iid} has no ${want} checklist item "${itemText}"`);
    }
    // Clicking a box saves the description directly (`update_task`); no quick actions run.
    const write = updateIssue(this.state, this.user, issue, { description }, { quickActions: false });
    return this.issueResult(write.issue, this.updatePayload(write));
  }

  private updatePayload(write: IssueWrite): IssueHookPayload {
    const { before, issue } = write;
    let action: "update" | "close" | "reopen" = "update";
    if (before.state !== issue.state) action = issue.state === "closed" ? "close" : "reopen";
    return issueHookPayload(this.state, this.user, issue, before, action);
  }

  private issueResult(issue: FakeIssue, payload: IssueHookPayload): HumanIssueResult {
    this.state.webhooks.push(payload);
    return { issue: portIssue(this.state, issue), payload, payloads: [payload] };
  }

  private issue(project: ProjectRef, iid: number): FakeIssue {
    const target = this.state.requireProject(project);
    const issue = this.state.findIssue(target.id, iid);
    if (!issue) throw new Error(`no issue #${iid} in ${target.path}`);
    return issue;
  }
}
