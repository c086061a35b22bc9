import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidPayloadError, parseEvent } from "../../src/gitlab/events.js";

function raw(name: string): string {
  return readFileSync(new URL(`../fixtures/payloads/${name}`, import.meta.url), "utf8");
}

function json(name: string): Record<string, unknown> {
  return JSON.parse(raw(name));
}

function invalid(input: unknown): InvalidPayloadError {
  try {
    parseEvent(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidPayloadError);
    return error as InvalidPayloadError;
  }
  throw new Error("expected InvalidPayloadError");
}

describe("parseEvent", () => {
  it("reads GitLab's Issue Hook example", () => {
    expect(parseEvent(raw("webhook_issue_hook.json"))).toEqual({
      kind: "issue",
      action: "open",
      projectId: 1,
      projectPath: "gitlabhq/gitlab-test",
      iid: 23,
      issueId: 301,
      user: { id: 1, username: "root", name: "Administrator" },
      labels: ["API"],
      confidential: false,
      state: "opened",
      changed: ["labels", "updated_at", "updated_by_id"],
      labelChanges: { previous: ["API"], current: ["Platform"] },
    });
  });

  it("reads GitLab's Note Hook example", () => {
    expect(parseEvent(raw("webhook_note_hook_issue.json"))).toEqual({
      kind: "note",
      action: "create",
      projectId: 5,
      projectPath: "gitlab-org/gitlab-test",
      iid: 17,
      issueId: 92,
      noteId: 1241,
      system: false,
      internal: false,
      body: "Hello world",
      user: { id: 1, username: "root", name: "Administrator" },
      labels: ["Afterpod", "Element"],
      confidential: false,
      state: "closed",
    });
  });

  it("reads the pipeline-trigger form, where id, ref and variables sit beside the body's keys", () => {
    const wrapped = { ...json("webhook_note_hook_issue.json"), id: "5", ref: "main", variables: {} };
    expect(parseEvent(JSON.stringify(wrapped))).toEqual(parseEvent(raw("webhook_note_hook_issue.json")));
  });

  it("marks confidential issues and notes", () => {
    const issue = { ...json("webhook_issue_hook.json"), event_type: "confidential_issue" };
    expect(parseEvent(issue)).toMatchObject({ kind: "issue", confidential: true });
    const note = json("webhook_note_hook_issue.json");
    const internal = {
      ...note,
      event_type: "confidential_note",
      object_attributes: { ...(note.object_attributes as object), internal: true },
    };
    expect(parseEvent(internal)).toMatchObject({ kind: "note", confidential: true, internal: true });
  });

  it("ignores events the bot does not handle", () => {
    expect(parseEvent(raw("webhook_emoji_hook_on_issue_note.json"))).toMatchObject({ kind: "ignored" });
    const workItem = { ...json("webhook_issue_hook.json"), object_kind: "work_item" };
    expect(parseEvent(workItem)).toEqual({ kind: "ignored", reason: expect.stringContaining("work_item") });
    const hook = json("webhook_issue_hook.json");
    const task = { ...hook, object_attributes: { ...(hook.object_attributes as object), type: "Task" } };
    expect(parseEvent(task)).toEqual({ kind: "ignored", reason: "Task work item" });
    const note = json("webhook_note_hook_issue.json");
    const onMergeRequest = {
      ...note,
      object_attributes: { ...(note.object_attributes as object), noteable_type: "MergeRequest" },
    };
    expect(parseEvent(onMergeRequest)).toEqual({
      kind: "ignored",
      reason: expect.stringContaining("MergeRequest"),
    });
    expect(parseEvent({ object_kind: "push" })).toMatchObject({ kind: "ignored" });
  });

  it("reports system notes as such, so the caller can skip them", () => {
    const note = json("webhook_note_hook_issue.json");
    const system = { ...note, object_attributes: { ...(note.object_attributes as object), system: true } };
    expect(parseEvent(system)).toMatchObject({ kind: "note", system: true });
  });

  it("says what is wrong with a bad payload", () => {
    expect(invalid("{not json").message).toMatch(/not valid JSON/);
    expect(invalid("[]").message).toMatch(/object_kind/);
    expect(invalid("42").message).toMatch(/object_kind/);
    const { project: _project, ...noProject } = json("webhook_issue_hook.json");
    expect(invalid(noProject).message).toMatch(/Issue Hook.*project/);
    const note = json("webhook_note_hook_issue.json");
    const badIid = { ...note, issue: { ...(note.issue as object), iid: "17" } };
    expect(invalid(badIid).message).toMatch(/issue\.iid/);
    const { issue: _issue, ...noIssue } = note;
    expect(invalid(noIssue).message).toMatch(/issue/);
    expect(invalid(noIssue).code).toBe("EINVALID_PAYLOAD");
  });
});
