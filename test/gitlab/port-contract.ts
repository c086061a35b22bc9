import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tickEvents } from "../../src/engine/checklist.js";
import { canonicalItemText } from "../../src/engine/tick-text.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";
import { TICK_NOTE_FORMATS, tickNoteBody } from "../../src/gitlab/fake/tick-notes.js";
import { GitLabError, type GitLabPort } from "../../src/gitlab/port.js";
import { describeSettingsContract } from "./port-contract-settings.js";

export interface PortUnderTest {
  port: GitLabPort;
  close(): Promise<void>;
}

/** Builds the adapter under test over a seeded state, acting as `botUsername`. */
export type PortFactory = (state: FakeGitLabState, botUsername: string) => Promise<PortUnderTest>;

const BOT = "career-bot";
const PROJECT = "career/people";

/**
 * One behaviour contract for every GitLabPort adapter. Both run over the same in-memory GitLab:
 * FakeGitLab directly, GitbeakerGitLab through the fake HTTP server, so a difference between them is
 * a bug in the real adapter (or in the server) rather than in the fake's model of GitLab.
 */
export function describePortContract(name: string, factory: PortFactory): void {
  describeSettingsContract(name, factory);
  describe(`GitLabPort contract: ${name}`, () => {
    let state: FakeGitLabState;
    let port: GitLabPort;
    let subject: PortUnderTest;

    beforeEach(async () => {
      state = new FakeGitLabState({
        now: "2026-02-02T09:00:00Z",
        users: [BOT, "alice", "bob"],
        projects: [PROJECT, "career/other", "elsewhere/tools"],
      });
      subject = await factory(state, BOT);
      port = subject.port;
    });

    afterEach(async () => {
      await subject.close();
    });

    async function rejection(promise: Promise<unknown>): Promise<GitLabError> {
      const error = await promise.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(GitLabError);
      return error as GitLabError;
    }

    it("knows the bot and finds users by username", async () => {
      expect(await port.currentUser()).toMatchObject({ username: BOT, id: state.requireUser(BOT).id });
      expect(await port.findUser("alice")).toMatchObject({
        username: "alice",
        id: state.requireUser("alice").id,
      });
      expect(await port.findUser("nobody")).toBeNull();
    });

    it("tells the bot's token its own expiry day, null for one that never expires, nothing for a token GitLab does not describe", async () => {
      expect(await port.tokenExpiresAt()).toBeNull();
      state.requireUser(BOT).token = { expiresAt: "2026-02-20" };
      expect(await port.tokenExpiresAt()).toBe("2026-02-20");
      // An OAuth token: GitLab answers 400 at personal_access_tokens/self; not the run's failure.
      state.requireUser(BOT).token = "oauth";
      expect(await port.tokenExpiresAt()).toBeUndefined();
    });

    it("creates an issue and reads it back by path or by id", async () => {
      const bob = state.requireUser("bob");
      const created = await port.createIssue(PROJECT, {
        title: "Interim manager: alice",
        description: "Body\n\n- [ ] first",
        labels: ["career::interim", "career-stage::proposed"],
        confidential: true,
        assigneeIds: [bob.id],
        dueDate: "2026-03-01",
      });
      expect(created).toMatchObject({
        iid: 1,
        projectId: state.requireProject(PROJECT).id,
        title: "Interim manager: alice",
        description: "Body\n\n- [ ] first",
        labels: ["career::interim", "career-stage::proposed"],
        state: "opened",
        confidential: true,
        dueDate: "2026-03-01",
        author: { username: BOT },
        assignees: [{ id: bob.id, username: "bob" }],
        createdAt: "2026-02-02T09:00:00.000Z",
      });
      expect(created.id).not.toBe(created.iid);
      expect(created.webUrl).toContain("/career/people/-/issues/1");
      expect(await port.getIssue(created.projectId, 1)).toEqual(created);
      expect(await port.getIssue(PROJECT, 1)).toEqual(created);
      const labels = (await port.listLabels(PROJECT)).map((label) => label.name);
      expect(labels).toEqual(expect.arrayContaining(["career::interim", "career-stage::proposed"]));
    });

    it("keeps only the first of several assignees, as GitLab Free does; all of them on Premium", async () => {
      const [alice, bob] = [state.requireUser("alice"), state.requireUser("bob")];
      const issue = { title: "t", description: "d", labels: [], confidential: true };
      // IssuableBaseService#filter_assignees_using_checks: `params[id_key].first(1)`, no error.
      const free = await port.createIssue(PROJECT, { ...issue, assigneeIds: [bob.id, alice.id] });
      expect(free.assignees.map((user) => user.username)).toEqual(["bob"]);
      const edited = await port.updateIssue(PROJECT, free.iid, { assigneeIds: [alice.id, bob.id] });
      expect(edited.assignees.map((user) => user.username)).toEqual(["alice"]);
      state.multipleAssignees = true;
      const premium = await port.createIssue(PROJECT, { ...issue, assigneeIds: [bob.id, alice.id] });
      expect(premium.assignees.map((user) => user.username).sort()).toEqual(["alice", "bob"]);
    });

    it("answers not-found for unknown issues and projects", async () => {
      expect((await rejection(port.getIssue(PROJECT, 99))).kind).toBe("not-found");
      expect((await rejection(port.getIssue("career/missing", 1))).kind).toBe("not-found");
      expect((await rejection(port.listNotes(PROJECT, 99))).kind).toBe("not-found");
    });

    it("updates labels, due date, state, confidentiality, assignees and description", async () => {
      const { iid } = await port.createIssue(PROJECT, {
        title: "t",
        description: "d",
        labels: ["a"],
        confidential: false,
      });
      const alice = state.requireUser("alice");
      let issue = await port.updateIssue(PROJECT, iid, {
        addLabels: ["b", "c"],
        removeLabels: ["a"],
        dueDate: "2026-04-01",
        confidential: true,
        assigneeIds: [alice.id],
        description: "new body",
      });
      expect(issue).toMatchObject({
        labels: ["b", "c"],
        dueDate: "2026-04-01",
        confidential: true,
        description: "new body",
        assignees: [{ username: "alice" }],
      });
      issue = await port.updateIssue(PROJECT, iid, { dueDate: null, assigneeIds: [], stateEvent: "close" });
      expect(issue).toMatchObject({ dueDate: null, assignees: [], state: "closed" });
      issue = await port.updateIssue(PROJECT, iid, { stateEvent: "reopen" });
      expect(issue.state).toBe("opened");
      expect(await port.getIssue(PROJECT, iid)).toEqual(issue);
    });

    it("changes the title, and says when an issue was closed (closed_at)", async () => {
      const { iid } = await port.createIssue(PROJECT, {
        title: "t",
        description: "d",
        labels: [],
        confidential: true,
      });
      expect((await port.getIssue(PROJECT, iid)).closedAt ?? null).toBeNull();
      expect((await port.updateIssue(PROJECT, iid, { title: "renamed" })).title).toBe("renamed");
      state.now = "2026-02-03T10:00:00Z";
      const closed = await port.updateIssue(PROJECT, iid, { stateEvent: "close" });
      expect(closed.closedAt).toBe(state.now);
      expect((await port.listIssues(PROJECT, { state: "closed" }))[0]?.closedAt).toBe(state.now);
    });

    it("answers not-found for a deleted issue and lists it no more", async () => {
      const { iid } = await port.createIssue(PROJECT, {
        title: "t",
        description: "d",
        labels: ["x"],
        confidential: true,
      });
      state.deleteIssue(state.requireProject(PROJECT).id, iid);
      expect((await rejection(port.getIssue(PROJECT, iid))).kind).toBe("not-found");
      expect(await port.listIssues(PROJECT, { labels: ["x"], state: "all" })).toEqual([]);
    });

    it("refuses an update with nothing to change", async () => {
      const { iid } = await port.createIssue(PROJECT, {
        title: "t",
        description: "",
        labels: [],
        confidential: false,
      });
      expect((await rejection(port.updateIssue(PROJECT, iid, {}))).kind).toBe("bad-request");
    });

    it("lists every note oldest first, system notes included, across pages", async () => {
      const { iid } = await port.createIssue(PROJECT, {
        title: "t",
        description: "",
        labels: [],
        confidential: false,
      });
      await port.updateIssue(PROJECT, iid, { addLabels: ["x"] });
      for (let index = 1; index <= 120; index += 1) {
        state.advance({ minutes: 1 });
        state.as(index % 2 ? "alice" : "bob").comment(PROJECT, iid, `comment ${index}`);
      }
      const mine = await port.createNote(PROJECT, iid, "from the bot", { internal: true });
      expect(mine).toMatchObject({
        body: "from the bot",
        internal: true,
        system: false,
        author: { username: BOT },
      });
      const notes = await port.listNotes(PROJECT, iid);
      expect(notes).toHaveLength(122);
      expect(notes[0]).toMatchObject({ system: true, body: "added ~x label", author: { username: BOT } });
      expect(notes[1]).toMatchObject({ body: "comment 1", author: { username: "alice" }, internal: false });
      expect(notes.at(-1)).toEqual(mine);
    });

    it.each(TICK_NOTE_FORMATS)(
      "lists a person's tick note as GitLab words it (%s), backslashes and all, naming its item",
      async (format) => {
        state.tickNoteFormat = format;
        const item =
          'Weekly 1-1s (host manager\'s): see [the ladder](https://example.com/l), `a\\b` & "more"';
        const { iid } = await port.createIssue(PROJECT, {
          title: "t",
          description: `- [ ] ${item}\n- [ ] Weekly 1-1s`,
          labels: [],
          confidential: false,
        });
        state.as("alice").tick(PROJECT, iid, item);
        const notes = await port.listNotes(PROJECT, iid);
        expect(notes.at(-1)).toMatchObject({
          system: true,
          author: { username: "alice" },
          body: tickNoteBody(format, item, true),
        });
        expect(tickEvents(notes)).toEqual([
          expect.objectContaining({ item: canonicalItemText(item), completed: true, by: "alice" }),
        ]);
        expect(canonicalItemText(item)).not.toBe(canonicalItemText("Weekly 1-1s"));
      },
    );

    it("runs quick actions in notes the bot writes, as GitLab does", async () => {
      state.addLabel(PROJECT, "urgent");
      const { iid } = await port.createIssue(PROJECT, {
        title: "t",
        description: "",
        labels: [],
        confidential: false,
      });
      const note = await port.createNote(PROJECT, iid, "Heads up\n/label ~urgent");
      expect(note.body).toBe("Heads up");
      expect((await port.getIssue(PROJECT, iid)).labels).toEqual(["urgent"]);
      expect(state.quickActionsExecuted).toMatchObject([{ command: "label", author: BOT, source: "note" }]);
    });

    it("rejects a note made only of quick actions, which GitLab does not save", async () => {
      const { iid } = await port.createIssue(PROJECT, {
        title: "t",
        description: "",
        labels: [],
        confidential: false,
      });
      const error = await rejection(port.createNote(PROJECT, iid, "/confidential"));
      expect(error).toMatchObject({ kind: "bad-request", status: 202 });
      expect((await port.getIssue(PROJECT, iid)).confidential).toBe(true);
      expect((await port.listNotes(PROJECT, iid)).some((note) => !note.system)).toBe(false);
    });

    it("filters issues by labels, state, description text, update time and author", async () => {
      const make = (title: string, labels: string[], description = "") =>
        port.createIssue(PROJECT, { title, description, labels, confidential: false });
      const one = await make("one", ["career::interim", "stage::a"], "marker:abc-1 text");
      await make("two", ["career::interim", "stage::b"]);
      state.advance({ days: 1 });
      const three = await make("three", ["career::promotion"], "other marker:abc-3");
      await port.updateIssue(PROJECT, three.iid, { stateEvent: "close" });
      const titles = async (query: Parameters<GitLabPort["listIssues"]>[1]) =>
        (await port.listIssues(PROJECT, query)).map((issue) => issue.title).sort();

      expect(await titles({ labels: ["career::interim"] })).toEqual(["one", "two"]);
      expect(await titles({ labels: ["career::interim", "stage::a"] })).toEqual(["one"]);
      expect(await titles({ notLabels: ["stage::a", "stage::b"] })).toEqual(["three"]);
      expect(await titles({ state: "opened" })).toEqual(["one", "two"]);
      expect(await titles({ state: "closed" })).toEqual(["three"]);
      expect(await titles({ searchInDescription: "marker:abc-1" })).toEqual(["one"]);
      expect(await titles({ updatedAfter: "2026-02-03T00:00:00Z" })).toEqual(["three"]);
      // Someone else's issue is left out by the author filter, whatever it carries.
      state.as("alice").openIssue({ project: PROJECT, title: "four", description: "marker:abc-1" });
      const bot = await port.currentUser();
      expect(await titles({ authorId: bot.id })).toEqual(["one", "three", "two"]);
      expect(one.labels).toEqual(["career::interim", "stage::a"]);
    });

    it("lists by due date with undated issues last, and stops after a given day", async () => {
      for (const [title, dueDate] of [
        ["undated", null],
        ["late", "2026-05-01"],
        ["soon", "2026-02-10"],
        ["today", "2026-02-02"],
        ["past", "2026-01-15"],
      ] as const) {
        await port.createIssue(PROJECT, {
          title,
          description: "",
          labels: ["w"],
          confidential: false,
          dueDate,
        });
      }
      const ordered = await port.listIssues(PROJECT, { orderByDueDate: true });
      expect(ordered.map((issue) => issue.title)).toEqual(["past", "today", "soon", "late", "undated"]);
      const due = await port.listIssues(PROJECT, {
        orderByDueDate: true,
        dueOnOrBefore: "2026-02-10",
        labels: ["w"],
      });
      expect(due.map((issue) => issue.title)).toEqual(["past", "today", "soon"]);
    });

    it("returns all issues beyond one page", async () => {
      for (let index = 0; index < 130; index += 1) {
        state.as("alice").openIssue({ project: PROJECT, title: `issue ${index}` });
      }
      expect(await port.listIssues(PROJECT, { state: "opened" })).toHaveLength(130);
    });

    it("lists 100 issues a request (per_page at GitLab's maximum): 250 issues take 3 requests", async () => {
      for (let index = 0; index < 250; index += 1) {
        state.as("alice").openIssue({ project: PROJECT, title: `issue ${index}` });
      }
      state.requestCounts.clear();
      expect(await port.listIssues(PROJECT, { state: "opened" })).toHaveLength(250);
      expect(state.requestCount("GET /projects/:id/issues")).toBe(3);
      state.requestCounts.clear();
      expect(await port.listIssues(PROJECT, { state: "closed" })).toHaveLength(0);
      expect(state.requestCount("GET /projects/:id/issues")).toBe(1);
    });

    it("lists issues across a group's projects only", async () => {
      await port.createIssue(PROJECT, { title: "a", description: "", labels: ["g"], confidential: false });
      await port.createIssue("career/other", {
        title: "b",
        description: "",
        labels: ["g"],
        confidential: false,
      });
      await port.createIssue("elsewhere/tools", {
        title: "c",
        description: "",
        labels: ["g"],
        confidential: false,
      });
      const titles = (await port.listGroupIssues("career", { labels: ["g"] }))
        .map((issue) => issue.title)
        .sort();
      expect(titles).toEqual(["a", "b"]);
    });

    it("deletes the bot's own note, counts comments, and deleting a note that is gone is not an error", async () => {
      const { issue } = state.as("alice").openIssue({ title: "t", description: "d" });
      state.as("alice").comment(PROJECT, issue.iid, "a person's comment");
      const mine = await port.createNote(PROJECT, issue.iid, "posted twice by a racing run");
      expect((await port.getIssue(PROJECT, issue.iid)).userNotesCount).toBe(2);
      await port.deleteNote(PROJECT, issue.iid, mine.id);
      await port.deleteNote(PROJECT, issue.iid, mine.id);
      const left = await port.listNotes(PROJECT, issue.iid);
      expect(left.filter((n) => !n.system).map((n) => n.body)).toEqual(["a person's comment"]);
      expect((await port.getIssue(PROJECT, issue.iid)).userNotesCount).toBe(1);
      const theirs = left.find((n) => !n.system)!;
      expect((await rejection(port.deleteNote(PROJECT, issue.iid, theirs.id))).status).toBe(403);
    });

    it("links issues, and linking twice is not an error", async () => {
      const source = await port.createIssue(PROJECT, {
        title: "s",
        description: "",
        labels: [],
        confidential: false,
      });
      const target = await port.createIssue("career/other", {
        title: "t",
        description: "",
        labels: [],
        confidential: false,
      });
      const ref = { projectId: target.projectId, iid: target.iid };
      await port.linkIssues(PROJECT, source.iid, ref);
      await port.linkIssues(PROJECT, source.iid, ref);
      expect(state.links).toEqual([
        expect.objectContaining({ sourceIssueId: source.id, targetIssueId: target.id }),
      ]);
    });

    it("creates labels, and creating an existing one returns it", async () => {
      const label = await port.createLabel(PROJECT, {
        name: "career::interim",
        color: "#336699",
        description: "Interim",
      });
      expect(label).toMatchObject({ name: "career::interim", color: "#336699", description: "Interim" });
      const again = await port.createLabel(PROJECT, {
        name: "career::interim",
        color: "#000000",
        description: "x",
      });
      expect(again).toEqual(label);
      expect(await port.listLabels(PROJECT)).toEqual([label]);
    });
  });
}
