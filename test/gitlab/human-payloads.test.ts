import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { parseEvent } from "../../src/gitlab/events.js";
import type { IssueHookPayload, NoteHookPayload } from "../../src/gitlab/fake/payloads.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";

const PROJECT = "career/people";

function fixture(name: string): Record<string, Record<string, unknown>> {
  return JSON.parse(readFileSync(new URL(`../fixtures/payloads/${name}`, import.meta.url), "utf8"));
}

const keys = (value: unknown) => Object.keys(value as object).sort();

/* Incident-only attributes GitLab leaves out of plain issues. */
const INCIDENT_ONLY = ["escalation_policy", "escalation_status"];

describe("webhook payloads of human actions", () => {
  let state: FakeGitLabState;

  beforeEach(() => {
    state = new FakeGitLabState({
      now: "2026-03-02T10:00:00Z",
      users: ["career-bot", "alice", "bob"],
      projects: [PROJECT],
    });
    state.addLabel(PROJECT, "career::interim", "#336699", "Interim manager workflow");
  });

  it("opens an issue with an Issue Hook shaped like GitLab's", () => {
    const { payload, issue } = state.as("alice").openIssue({
      title: "Interim manager",
      description: "- [ ] Write plan",
      labels: ["career::interim"],
      assignees: ["bob"],
    });
    const sample = fixture("webhook_issue_hook.json");
    expect(keys(payload)).toEqual(keys(sample));
    expect(keys(payload.user)).toEqual(keys(sample.user));
    expect(keys(payload.project)).toEqual(expect.arrayContaining(keys(sample.project)));
    const expectedAttributes = keys(sample.object_attributes).filter((key) => !INCIDENT_ONLY.includes(key));
    expect(keys(payload.object_attributes)).toEqual(expect.arrayContaining(expectedAttributes));
    expect(keys(payload.labels[0])).toEqual(keys((sample.labels as unknown as unknown[])[0]));
    expect(payload).toMatchObject({
      object_kind: "issue",
      event_type: "issue",
      user: { username: "alice" },
      project: { id: issue.projectId, path_with_namespace: PROJECT },
      object_attributes: { action: "open", iid: issue.iid, id: issue.id, state: "opened", type: "Issue" },
      labels: [{ title: "career::interim", color: "#336699", type: "ProjectLabel" }],
      assignees: [{ username: "bob" }],
      changes: { title: { previous: null, current: "Interim manager" } },
    });
    expect(payload.object_attributes.created_at).toBe("2026-03-02 10:00:00 UTC");
    expect(state.webhooks).toEqual([payload]);
  });

  it("comments with a Note Hook shaped like GitLab's", () => {
    state.as("alice").openIssue({ title: "t", labels: ["career::interim"] });
    const { payload, note, issue } = state.as("bob").comment(PROJECT, 1, "I approve");
    const sample = fixture("webhook_note_hook_issue.json");
    expect(payload).not.toBeNull();
    const hook = payload as NoteHookPayload;
    expect(keys(hook)).toEqual(keys(sample));
    expect(keys(hook.object_attributes)).toEqual(expect.arrayContaining(keys(sample.object_attributes)));
    expect(keys(hook.issue)).toEqual(expect.arrayContaining(keys(sample.issue)));
    expect(hook).toMatchObject({
      object_kind: "note",
      event_type: "note",
      user: { username: "bob" },
      project_id: issue.projectId,
      object_attributes: {
        id: note?.id,
        note: "I approve",
        noteable_type: "Issue",
        noteable_id: issue.id,
        system: false,
        action: "create",
      },
      issue: { iid: 1, labels: [{ title: "career::interim" }] },
    });
    expect(hook.object_attributes.url).toMatch(/\/career\/people\/-\/issues\/1#note_\d+$/);
  });

  it("marks events of confidential issues and internal notes", () => {
    const opened = state.as("alice").openIssue({ title: "t", confidential: true });
    expect(opened.payload.event_type).toBe("confidential_issue");
    expect(state.as("bob").comment(PROJECT, 1, "secret").payload?.event_type).toBe("confidential_note");
    state.as("alice").openIssue({ title: "public" });
    const internal = state.as("bob").comment(PROJECT, 2, "between us", { internal: true });
    expect(internal.payload).toMatchObject({
      event_type: "confidential_note",
      object_attributes: { internal: true },
    });
  });

  it("reports label changes as previous and current label objects", () => {
    state.as("alice").openIssue({ title: "t", labels: ["career::interim"] });
    state.advance({ minutes: 5 });
    const { payload } = state.as("bob").addLabels(PROJECT, 1, ["career-stage::approved"]);
    expect(payload.object_attributes.action).toBe("update");
    const changes = payload.changes as Record<
      string,
      { previous: Array<{ title: string }>; current: unknown }
    >;
    expect(changes.labels?.previous.map((label) => label.title)).toEqual(["career::interim"]);
    expect(changes.labels?.current).toMatchObject([
      { title: "career::interim" },
      { title: "career-stage::approved" },
    ]);
    expect(changes.updated_at).toEqual({
      previous: "2026-03-02 10:00:00 UTC",
      current: "2026-03-02 10:05:00 UTC",
    });
  });

  it("sends a description change for a tick, and close/reopen actions", () => {
    state.as("alice").openIssue({ title: "t", description: "- [ ] Write plan" });
    const tick = state.as("alice").tick(PROJECT, 1, "Write plan");
    expect(tick.payload.changes.description).toEqual({
      previous: "- [ ] Write plan",
      current: "- [x] Write plan",
    });
    expect(state.as("bob").close(PROJECT, 1).payload.object_attributes.action).toBe("close");
    expect(state.as("bob").reopen(PROJECT, 1).payload.object_attributes.action).toBe("reopen");
  });

  it("sends a Note Hook and an Issue Hook for a comment with quick actions, only the Issue Hook for commands alone", () => {
    state.as("alice").openIssue({ title: "t" });
    const mixed = state.as("bob").comment(PROJECT, 1, "Taking it\n/label ~career::interim");
    expect(mixed.payloads.map((payload) => payload.object_kind)).toEqual(["note", "issue"]);
    const update = mixed.payloads[1] as IssueHookPayload;
    expect(update.user.username).toBe("bob");
    const only = state.as("bob").comment(PROJECT, 1, "/due 2026-04-01");
    expect(only.note).toBeNull();
    expect(only.payloads).toMatchObject([
      { object_kind: "issue", changes: { due_date: { current: "2026-04-01" } } },
    ]);
    expect(state.webhooks).toHaveLength(4);
  });

  it("parses back into the events the bot handles", () => {
    const opened = state.as("alice").openIssue({ title: "t", labels: ["career::interim"] });
    expect(parseEvent(JSON.stringify(opened.payload))).toMatchObject({
      kind: "issue",
      action: "open",
      iid: 1,
      issueId: opened.issue.id,
      projectPath: PROJECT,
      user: { username: "alice" },
      labels: ["career::interim"],
    });
    const comment = state.as("bob").comment(PROJECT, 1, "hello");
    expect(parseEvent(comment.payload)).toMatchObject({
      kind: "note",
      noteId: comment.note?.id,
      body: "hello",
      iid: 1,
    });
  });

  it("refuses an action that would change nothing", () => {
    state.as("alice").openIssue({ title: "t", labels: ["career::interim"] });
    expect(() => state.as("bob").addLabels(PROJECT, 1, ["career::interim"])).toThrow(/changed nothing/);
    expect(() => state.as("nobody")).toThrow(/no user @nobody/);
  });
});
