import { describe, expect, it } from "vitest";
import { followUpMarker, followUpToken } from "../../src/engine/markers.js";
import { canonicalFollowUp, withdrawDuplicates } from "../../src/engine/races.js";
import type { Write } from "../../src/engine/writer.js";
import { FakeGitLab, FakeGitLabState } from "../../src/gitlab/fake/index.js";

/*
 * SPEC section 7: markers count only in what the bot wrote. The race repair (races.ts) looks for the
 * bot's own copies of a key; a person's issue or note carrying the same marker is never one of them.
 */

async function setup() {
  const state = new FakeGitLabState({
    now: "2026-01-05T09:00:00Z",
    users: ["career-bot", "alice"],
    projects: ["org/careers"],
  });
  const port = new FakeGitLab(state, { username: "career-bot" });
  const bot = await port.currentUser();
  const project = state.requireProject("org/careers").id;
  const parent = state.as("alice").openIssue({ title: "Interim manager: alice", description: "x" }).issue;
  const writes: string[] = [];
  const write: Write = async (record, perform) => {
    writes.push(record.what);
    await perform();
  };
  return { state, port, bot, project, plan: { project, iid: parent.iid }, writes, write };
}

describe("race repair trusts only the bot's own markers", () => {
  it("an issue a person opened with the follow-up marker is never taken for the bot's follow-up", async () => {
    const { state, port, bot, project, plan, writes, write } = await setup();
    const token = followUpToken(project, plan.iid, "followup:people-team");
    const description = `People team: please act.\n\n${followUpMarker(token)}`;
    const forged = state.as("alice").openIssue({ title: "People team: alice", description }).issue;
    // Before the bot opened its own, there is no follow-up at all.
    expect(await canonicalFollowUp(plan, token, { port, bot }, write)).toBeUndefined();
    const mine = await port.createIssue(project, {
      title: "People team: alice",
      description,
      labels: [],
      confidential: true,
    });
    const found = await canonicalFollowUp(plan, token, { port, bot }, write);
    expect(found?.iid).toBe(mine.iid);
    expect(writes).toEqual([]);
    expect(state.findIssue(project, forged.iid)!.state).toBe("opened");
    expect(state.findIssue(project, mine.iid)!.state).toBe("opened");
  });

  it("a person's earlier note carrying a bot key never makes the bot withdraw its own note", async () => {
    const { state, port, bot, project, plan, writes, write } = await setup();
    const key = "enter:setup#1:interim-manager.setup";
    const marker = `<!-- career-bot:note key=${key} -->`;
    const seen = { description: "x", comments: 0 };
    // The person's note lands between the bot's read and its post, so the bot lists the notes.
    state.as("alice").comment("org/careers", plan.iid, `Done already.\n\n${marker}`);
    const posted = await port.createNote(project, plan.iid, `Setup starts.\n\n${marker}`);
    await withdrawDuplicates(plan, [{ key, id: posted.id }], undefined, { port, bot, seen }, write);
    expect(writes).toEqual([]);
    const notes = await port.listNotes(project, plan.iid);
    expect(notes.map((n) => n.id)).toContain(posted.id);
  });

  it("the bot's own later copy of a key is still withdrawn (the repair works at all)", async () => {
    const { port, bot, project, plan, writes, write } = await setup();
    const key = "enter:setup#1:interim-manager.setup";
    const body = `Setup starts.\n\n<!-- career-bot:note key=${key} -->`;
    await port.createNote(project, plan.iid, body);
    const later = await port.createNote(project, plan.iid, body);
    const seen = { description: "x", comments: 0 };
    await withdrawDuplicates(plan, [{ key, id: later.id }], undefined, { port, bot, seen }, write);
    expect(writes).toEqual([`withdraw duplicate note ${key}`]);
  });
});
