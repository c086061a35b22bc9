import { beforeEach, describe, expect, it } from "vitest";
import { FakeGitLab } from "../../src/gitlab/fake/adapter.js";
import { extractQuickActions, parseLabelArgs } from "../../src/gitlab/fake/quick-actions.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";

const PROJECT = "career/people";

describe("extractQuickActions", () => {
  it("takes command lines out and keeps everything else byte for byte", () => {
    const text = 'Intro\n/label ~a ~"b c"\nMiddle\n/close\nEnd';
    expect(extractQuickActions(text)).toEqual({
      text: "Intro\nMiddle\nEnd",
      actions: [
        { name: "label", args: '~a ~"b c"' },
        { name: "close", args: "" },
      ],
    });
    const plain = "  text with trailing spaces  \n\n";
    expect(extractQuickActions(plain)).toEqual({ text: plain, actions: [] });
  });

  it("counts a command only when / is the first character of the line", () => {
    for (const line of [" /close", "text /close", "`/close`", "\u200b/close", "\\/close", "> /close"]) {
      expect(extractQuickActions(`x\n${line}`).actions).toEqual([]);
    }
    expect(extractQuickActions("/CLOSE").actions).toEqual([{ name: "close", args: "" }]);
  });

  it("ignores commands inside ``` and ~~~ fences and >>> quotes, and unknown commands", () => {
    const text =
      "```\n/close\n```\n~~~md\n/confidential\n~~~\n>>>\n/reopen\n>>>\n/shrug\n/foo bar\n/due 2026-03-01";
    const { actions, text: kept } = extractQuickActions(text);
    expect(actions).toEqual([{ name: "due", args: "2026-03-01" }]);
    expect(kept).toContain("/close");
    expect(kept).toContain("/foo bar");
  });

  it("parses label references, quoted or not", () => {
    expect(parseLabelArgs('~a ~"b c" d ~career::x')).toEqual(["a", "b c", "d", "career::x"]);
  });
});

describe("quick actions run by the fake GitLab", () => {
  let state: FakeGitLabState;
  let bot: FakeGitLab;

  beforeEach(() => {
    state = new FakeGitLabState({
      now: "2026-03-02T10:00:00Z",
      users: ["career-bot", "alice", "bob"],
      projects: [PROJECT],
    });
    for (const name of ["a", "b c", "old", "career::x"]) state.addLabel(PROJECT, name);
    bot = new FakeGitLab(state, { username: "career-bot" });
  });

  it("runs them in a description the bot creates, with the bot as author, and strips them", async () => {
    const issue = await bot.createIssue(PROJECT, {
      title: "t",
      description: 'Body\n/label ~a ~"b c" ~missing\n/confidential\n/due in 2 days\n/assign @alice me',
      labels: [],
      confidential: false,
    });
    expect(issue).toMatchObject({
      description: "Body",
      labels: ["a", "b c"],
      confidential: true,
      dueDate: "2026-03-04",
    });
    // GitLab Free (the fake's default): `/assign` keeps its first user only.
    expect(issue.assignees.map((user) => user.username)).toEqual(["alice"]);
    expect(
      state.quickActionsExecuted.map((action) => [action.command, action.author, action.source]),
    ).toEqual([
      ["label", "career-bot", "description"],
      ["confidential", "career-bot", "description"],
      ["due", "career-bot", "description"],
      ["assign", "career-bot", "description"],
    ]);
  });

  it("adds every user of `/assign` on Premium, and replaces the assignee on Free", async () => {
    const create = (description: string) =>
      bot.createIssue(PROJECT, { title: "t", description, labels: [], confidential: true });
    const usernames = (issue: { assignees: Array<{ username: string }> }) =>
      issue.assignees.map((user) => user.username).sort();
    const free = await create("/assign @bob");
    const reassigned = await bot.updateIssue(PROJECT, free.iid, { description: "x\n/assign @alice" });
    expect(usernames(reassigned)).toEqual(["alice"]);
    state.multipleAssignees = true;
    const premium = await create("/assign @bob");
    const added = await bot.updateIssue(PROJECT, premium.iid, { description: "x\n/assign @alice" });
    expect(usernames(added)).toEqual(["alice", "bob"]);
  });

  it("runs them in a description update", async () => {
    const { iid } = await bot.createIssue(PROJECT, {
      title: "t",
      description: "x",
      labels: ["old", "a"],
      confidential: false,
    });
    const updated = await bot.updateIssue(PROJECT, iid, {
      description: "y\n/unlabel ~old\n/close\n/title New title",
    });
    expect(updated).toMatchObject({ description: "y", labels: ["a"], state: "closed", title: "New title" });
    const reopened = await bot.updateIssue(PROJECT, iid, {
      description: "z\n/reopen\n/relabel ~career::x\n/remove_due_date",
    });
    expect(reopened).toMatchObject({ state: "opened", labels: ["career::x"], dueDate: null });
  });

  it("runs them in notes; /unlabel without arguments removes every label; /cc only vanishes", async () => {
    const { iid } = await bot.createIssue(PROJECT, {
      title: "t",
      description: "",
      labels: ["a", "old"],
      confidential: false,
    });
    const note = state.as("alice").comment(PROJECT, iid, "I agree\n/unlabel\n/cc @bob\n/unassign");
    expect(note.note?.body).toBe("I agree");
    expect(note.issue.labels).toEqual([]);
    expect(state.quickActionsExecuted.map((action) => `${action.author}:${action.command}`)).toEqual([
      "alice:unlabel",
      "alice:cc",
      "alice:unassign",
    ]);
  });

  it("saves no note when the body holds only commands", async () => {
    const { iid, id } = await bot.createIssue(PROJECT, {
      title: "t",
      description: "",
      labels: [],
      confidential: false,
    });
    const result = state.as("alice").comment(PROJECT, iid, "/label ~a\n\n/due 2026-04-01");
    expect(result.note).toBeNull();
    expect(result.issue).toMatchObject({ labels: ["a"], dueDate: "2026-04-01" });
    expect(state.notesOf(id).filter((note) => !note.system)).toEqual([]);
  });

  it("runs nothing in text whose slash lines are neutralised", async () => {
    const text = "Quoted:\n\u200b/close\n`/label ~a`\n```\n/confidential\n```";
    const { iid } = await bot.createIssue(PROJECT, {
      title: "t",
      description: text,
      labels: [],
      confidential: false,
    });
    await bot.createNote(PROJECT, iid, text);
    await bot.updateIssue(PROJECT, iid, { description: `${text}\nmore` });
    expect(state.quickActionsExecuted).toEqual([]);
    expect((await bot.getIssue(PROJECT, iid)).description).toBe(`${text}\nmore`);
  });

  it("leaves unparsable arguments without effect but still removes the line", async () => {
    const { iid } = await bot.createIssue(PROJECT, {
      title: "t",
      description: "",
      labels: [],
      confidential: false,
    });
    const updated = await bot.updateIssue(PROJECT, iid, { description: "d\n/due someday\n/assign @nobody" });
    expect(updated).toMatchObject({ description: "d", dueDate: null, assignees: [] });
    expect(state.quickActionsExecuted).toHaveLength(2);
  });
});
