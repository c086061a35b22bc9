import { beforeEach, describe, expect, it } from "vitest";
import { FakeGitLab } from "../../src/gitlab/fake/adapter.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";

const PROJECT = "career/people";
const CHECKLIST = "Plan\n\n- [ ] Write plan\n- [ ] Pick mentor\n* [x] Agree scope";

describe("system notes of the fake GitLab", () => {
  let state: FakeGitLabState;
  let bot: FakeGitLab;

  beforeEach(() => {
    state = new FakeGitLabState({
      now: "2026-03-02T10:00:00Z",
      users: ["career-bot", "alice"],
      projects: [PROJECT],
    });
    bot = new FakeGitLab(state, { username: "career-bot" });
  });

  async function systemNotes(iid: number) {
    return (await bot.listNotes(PROJECT, iid))
      .filter((note) => note.system)
      .map((note) => `${note.author.username}: ${note.body}`);
  }

  it("records label changes in one note per write, with GitLab's wording", async () => {
    const { iid } = await bot.createIssue(PROJECT, {
      title: "t",
      description: "",
      labels: ["a"],
      confidential: false,
    });
    await bot.updateIssue(PROJECT, iid, { addLabels: ["career::x", "b c"], removeLabels: ["a"] });
    await bot.updateIssue(PROJECT, iid, { removeLabels: ["b c"] });
    await bot.updateIssue(PROJECT, iid, { addLabels: ["career::x"] });
    expect(await systemNotes(iid)).toEqual([
      "career-bot: added ~a label",
      'career-bot: added ~"career::x" ~"b c" labels and removed ~a label',
      'career-bot: removed ~"b c" label',
    ]);
  });

  it("records due dates, state and confidentiality", async () => {
    const { iid } = await bot.createIssue(PROJECT, {
      title: "t",
      description: "",
      labels: [],
      confidential: false,
    });
    await bot.updateIssue(PROJECT, iid, { dueDate: "2026-03-05", confidential: true });
    await bot.updateIssue(PROJECT, iid, { dueDate: null, stateEvent: "close" });
    await bot.updateIssue(PROJECT, iid, { stateEvent: "reopen" });
    await bot.updateIssue(PROJECT, iid, { stateEvent: "reopen" });
    expect(await systemNotes(iid)).toEqual([
      "career-bot: changed due date to March 5, 2026",
      "career-bot: made the issue confidential",
      "career-bot: removed due date",
      "career-bot: closed",
      "career-bot: reopened",
    ]);
  });

  it("names whoever ticked or unticked a checklist item, pairing items by position as GitLab does", async () => {
    const { iid } = await bot.createIssue(PROJECT, {
      title: "t",
      description: CHECKLIST,
      labels: [],
      confidential: false,
    });
    state.advance({ hours: 1 });
    state.as("alice").tick(PROJECT, iid, "Write plan");
    state.as("alice").untick(PROJECT, iid, "Agree scope");
    // The bot reorders the list and ticks a box on the way: no pair has the same source at the
    // same position, so GitLab (`Taskable.get_updated_tasks`) writes no tick note for it.
    const current = (await bot.getIssue(PROJECT, iid)).description;
    const reordered = current.replace(
      "- [x] Write plan\n- [ ] Pick mentor",
      "- [x] Pick mentor\n- [x] Write plan",
    );
    await bot.updateIssue(PROJECT, iid, { description: reordered });
    expect(await systemNotes(iid)).toEqual([
      "alice: marked the checklist item **Write plan** as completed",
      "alice: marked the checklist item **Agree scope** as incomplete",
      "career-bot: changed the description",
    ]);
    const notes = await bot.listNotes(PROJECT, iid);
    expect(notes.at(-1)?.createdAt).toBe("2026-03-02T11:00:00.000Z");
  });

  it("notes the tick of the second of two items with one text, and nothing for [~] items", async () => {
    const description = "- [~] Weekly 1-1s\n- [x] Weekly 1-1s\n- [ ] Weekly 1-1s";
    state.as("alice").openIssue({ title: "t", description });
    state.as("alice").editDescription(PROJECT, 1, "- [ ] Weekly 1-1s\n- [x] Weekly 1-1s\n- [x] Weekly 1-1s");
    // [~] is no item, so un-[~]-ing the first shifts the list: pairs 0 and 1 keep their source (all
    // items read alike) and flip, and GitLab names them although no box of theirs was clicked.
    expect(await systemNotes(1)).toEqual([
      "alice: marked the checklist item **Weekly 1\\-1s** as incomplete",
      "alice: marked the checklist item **Weekly 1\\-1s** as completed",
    ]);
    state.as("alice").editDescription(PROJECT, 1, "- [ ] Weekly 1-1s\n- [ ] Weekly 1-1s\n- [x] Weekly 1-1s");
    expect((await systemNotes(1)).at(-1)).toBe(
      "alice: marked the checklist item **Weekly 1\\-1s** as incomplete",
    );
  });

  it.each([
    ["rendered", "marked the checklist item **Weekly 1\\-1s \\(host manager\\'s\\)** as completed"],
    ["source", "marked the checklist item **Weekly 1-1s (host manager's)** as completed"],
    ["task", "marked the task **Weekly 1-1s (host manager's)** as completed"],
  ] as const)("words a tick note as GitLab does in the %s format", async (format, body) => {
    state.tickNoteFormat = format;
    state.as("alice").openIssue({ title: "t", description: "- [ ] Weekly 1-1s (host manager's)" });
    state.as("alice").tick(PROJECT, 1, "Weekly 1-1s (host manager's)");
    expect(await systemNotes(1)).toEqual([`alice: ${body}`]);
  });

  it("writes an item's rendered text in the GitLab.com format: markup gone, comment text kept", async () => {
    const item =
      'Close #4 as obsolete: src/x.go says a = "1" — why it is so. <!-- workline:proposal=4/close-obsolete -->';
    const styled =
      "Read **the [ladder](https://example.com/l)** and `run.sh`, _then_ ~~skip~~ 2 * 3 &amp; people_ops";
    state.as("alice").openIssue({ title: "t", description: `- [ ] ${item}\n- [ ] ${styled}` });
    state.as("alice").tick(PROJECT, 1, item);
    state.as("alice").tick(PROJECT, 1, styled);
    expect(await systemNotes(1)).toEqual([
      // The real note read on GitLab.com in 2026 for this source.
      'alice: marked the checklist item **Close \\#4 as obsolete: src/x\\.go says a \\= \\"1\\" — why it is so\\.  workline:proposal\\=4/close\\-obsolete** as completed',
      "alice: marked the checklist item **Read the ladder and run\\.sh\\, then skip 2 \\* 3 \\& people\\_ops** as completed",
    ]);
  });

  it("writes 'changed the description' when no checkbox changed", async () => {
    const { iid } = await bot.createIssue(PROJECT, {
      title: "t",
      description: CHECKLIST,
      labels: [],
      confidential: false,
    });
    state.as("alice").editDescription(PROJECT, iid, `${CHECKLIST}\n\nMore context.`);
    expect(await systemNotes(iid)).toEqual(["alice: changed the description"]);
  });

  it("takes every time from the injectable clock", async () => {
    const created = await bot.createIssue(PROJECT, {
      title: "t",
      description: "",
      labels: [],
      confidential: false,
    });
    expect(created.createdAt).toBe("2026-03-02T10:00:00.000Z");
    state.now = "2026-03-09T08:30:00Z";
    const updated = await bot.updateIssue(PROJECT, created.iid, { addLabels: ["x"] });
    expect(updated).toMatchObject({
      createdAt: "2026-03-02T10:00:00.000Z",
      updatedAt: "2026-03-09T08:30:00.000Z",
    });
    state.advance({ days: 1, minutes: 15 });
    const note = await bot.createNote(PROJECT, created.iid, "hello");
    expect(note.createdAt).toBe("2026-03-10T08:45:00.000Z");
    expect((await bot.getIssue(PROJECT, created.iid)).updatedAt).toBe("2026-03-10T08:45:00.000Z");
  });

  it("refuses a tick of an item that is not there", () => {
    state.as("alice").openIssue({ title: "t", description: CHECKLIST });
    expect(() => state.as("alice").tick(PROJECT, 1, "Agree scope")).toThrow(
      /no unticked checklist item "Agree scope"/,
    );
    expect(() => state.as("alice").tick(PROJECT, 1, "Nope")).toThrow(/Nope/);
  });
});
