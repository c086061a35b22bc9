import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { INTERIM_SETUP as setup, tickInterimEligibility } from "../support/interim-items.js";
import { interimDescription, PROJECT, World } from "../support/world.js";

/**
 * Decisions the bot confirmed stand: editing or deleting an answered command, or changing the people
 * of the data block later, does not rewrite the workflow's history.
 */

let world: World;
beforeEach(async () => {
  world = await new World().start();
});
afterEach(() => world.stop());

const stage = (iid: number) => world.issue(iid).labels.filter((l) => l.startsWith("career-stage::"));

async function toHireReview(): Promise<number> {
  const opened = world.state
    .as("alice")
    .openIssue({ title: "Interim manager: alice", description: interimDescription({}) });
  const iid = opened.issue.iid;
  await world.handle(opened.payload);
  world.state.advance({ days: 1 });
  let last = null;
  last = tickInterimEligibility(world.state, iid);
  await world.handle(last!.payload);
  for (const item of setup) last = world.state.as("bob").tick(PROJECT, iid, item);
  await world.handle(last!.payload);
  world.state.advance({ days: 1 });
  await world.handle(world.state.as("alice").comment(PROJECT, iid, "/career hire @dave 2026-01-08").payload);
  expect(stage(iid)).toEqual(["career-stage::hire-review"]);
  return iid;
}

function humanNote(iid: number, text: string) {
  const issue = world.issue(iid);
  return world.state.notes.find((n) => n.issueId === issue.id && !n.system && n.body.includes(text))!;
}

describe("history stands", () => {
  it("ignores later edits of an answered command", async () => {
    const iid = await toHireReview();
    world.state.now = "2026-02-10T10:00:00Z";
    await world.handle(world.state.as("bob").comment(PROJECT, iid, "/career review successful").payload);
    expect(stage(iid)).toEqual(["career-stage::promotion-document"]);
    humanNote(iid, "/career review successful").body = "/career review unsuccessful";
    const before = world.writes();
    await world.sweep();
    expect(stage(iid)).toEqual(["career-stage::promotion-document"]);
    expect(world.writes()).toBe(before);
  });

  it("does not rewind when an answered command is deleted", async () => {
    const iid = await toHireReview();
    const hire = humanNote(iid, "/career hire");
    world.state.notes.splice(world.state.notes.indexOf(hire), 1);
    await world.sweep();
    expect(stage(iid)).toEqual(["career-stage::hire-review"]);
    expect(world.issue(iid).dueDate).toBe("2026-02-07");
  });

  it("keeps ticks and decisions when the manager in the data block changes, and the manager on record decides", async () => {
    const iid = await toHireReview();
    const before = world.botNotes(iid).length;
    const edit = world.state
      .as("alice")
      .editDescription(
        PROJECT,
        iid,
        world.issue(iid).description.replace(/^manager: bob /m, "manager: eve "),
      );
    await world.handle(edit.payload);
    expect(stage(iid)).toEqual(["career-stage::hire-review"]);
    // One note about the change, no "does not count" replies about old ticks.
    expect(world.noteKeys(iid).slice(before)).toEqual([expect.stringMatching(/^people-change:/)]);
    // Until the change is confirmed, the manager on record decides; the one the description names does not.
    world.state.now = "2026-02-10T10:00:00Z";
    await world.handle(world.state.as("eve").comment(PROJECT, iid, "/career review successful").payload);
    expect(stage(iid)).toEqual(["career-stage::hire-review"]);
    await world.handle(world.state.as("bob").comment(PROJECT, iid, "/career review successful").payload);
    expect(stage(iid)).toEqual(["career-stage::promotion-document"]);
  });

  it("says nothing about boxes people add to the description themselves", async () => {
    const opened = world.state.as("alice").openIssue({
      title: "Interim manager: alice",
      description: `${interimDescription({})}\n\nMy own list:\n- [ ] prepare slides\n`,
    });
    await world.handle(opened.payload);
    const before = world.botNotes(opened.issue.iid).length;
    await world.handle(world.state.as("eve").tick(PROJECT, opened.issue.iid, "prepare slides").payload);
    expect(world.botNotes(opened.issue.iid).length).toBe(before);
  });
});

describe("closed issues", () => {
  it("answer commands but take none until reopened", async () => {
    const iid = await toHireReview();
    await world.handle(world.state.as("bob").close(PROJECT, iid).payload);
    world.state.now = "2026-02-10T10:00:00Z";
    const labelsBefore = [...world.issue(iid).labels];
    await world.handle(world.state.as("bob").comment(PROJECT, iid, "/career review successful").payload);
    expect(world.botNotes(iid).at(-1)!.body).toContain("closed");
    expect(world.issue(iid).labels).toEqual(labelsBefore);
    await world.handle(world.state.as("bob").reopen(PROJECT, iid).payload);
    expect(stage(iid)).toEqual(["career-stage::hire-review"]);
    await world.handle(world.state.as("bob").comment(PROJECT, iid, "/career review successful").payload);
    expect(stage(iid)).toEqual(["career-stage::promotion-document"]);
  });
});

describe("people named in commands", () => {
  it("must exist: a hire of an unknown user is refused with the reason", async () => {
    const opened = world.state
      .as("alice")
      .openIssue({ title: "Interim manager: alice", description: interimDescription({}) });
    const iid = opened.issue.iid;
    await world.handle(opened.payload);
    let last = null;
    last = tickInterimEligibility(world.state, iid);
    await world.handle(last!.payload);
    for (const item of setup) last = world.state.as("bob").tick(PROJECT, iid, item);
    await world.handle(last!.payload);
    await world.handle(
      world.state.as("alice").comment(PROJECT, iid, "/career hire @nobody 2026-01-19").payload,
    );
    expect(world.botNotes(iid).at(-1)!.body).toContain("No GitLab user is called nobody");
    expect(stage(iid)).toEqual(["career-stage::hiring"]);
  });
});

describe("internal comments", () => {
  it("get internal replies, since a reply quotes the command", async () => {
    const opened = world.state
      .as("alice")
      .openIssue({ title: "Interim manager: alice", description: interimDescription({}) });
    const iid = opened.issue.iid;
    await world.handle(opened.payload);
    await world.handle(
      world.state.as("bob").comment(PROJECT, iid, "/career status", { internal: true }).payload,
    );
    await world.handle(world.state.as("bob").comment(PROJECT, iid, "/career help").payload);
    const [internalReply, publicReply] = world.botNotes(iid).slice(-2);
    expect(internalReply!.body).toContain("Stage");
    expect(internalReply!.internal).toBe(true);
    expect(publicReply!.internal).toBe(false);
  });
});
