import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TALENT_REVIEW_ITEM } from "../../src/workflows/acting-manager.js";
import { PROJECT, templateDescription, World } from "../support/world.js";

const eligibility = [
  "Shows managerial interest",
  "Has experience in the individual contributor role they would manage",
  "Has been at the company for at least 6 months and is thriving in the remote-only context",
  "Exemplifies the company values",
];
const active = [
  "Made explicit with the team member and the team that the role is acting (temporary) and ends with a return to the original role",
  "Direct reports stay with their current manager in BambooHR (they are not moved to an acting manager)",
  TALENT_REVIEW_ITEM,
];

let world: World;
beforeEach(async () => {
  world = await new World({ now: "2026-01-20T09:00:00Z" }).start();
});
afterEach(() => world.stop());

function open(fields: Record<string, string | null> = {}) {
  const opened = world.state.as("alice").openIssue({
    title: "Acting manager: alice for the Verify team",
    description: templateDescription("Acting manager", fields),
  });
  return { opened, iid: opened.issue.iid };
}

describe("acting manager, end to end through the CLI and gitbeaker", () => {
  it("walks eligibility -> active -> return, is extended, and ends with career-outcome::extended", async () => {
    const bob = world.state.as("bob");
    const { opened, iid } = open();
    expect(opened.issue.confidential).toBe(true);
    expect(world.labels(iid)).toEqual(["career::acting-manager"]);

    expect((await world.handle(opened.payload)).code).toBe(0);
    expect(world.stages(iid)).toEqual(["eligibility"]);
    expect(world.issue(iid).description).toContain("career-bot:section:begin");
    for (const item of eligibility) expect(world.issue(iid).description).toContain(`[ ] ${item}`);
    // The same event again, and a sweep: nothing to write.
    expect(await world.writesDuring(() => world.handle(opened.payload))).toBe(0);
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    // The manager ticks eligibility: Active, with the talent review (149 days > 90).
    world.state.advance({ days: 2 });
    let last = null;
    for (const item of eligibility) last = bob.tick(PROJECT, iid, item);
    expect((await world.handle(last!.payload)).code).toBe(0);
    expect(world.stages(iid)).toEqual(["active"]);
    expect(world.issue(iid).dueDate).toBe("2026-06-16"); // 14 days before end_date
    const activeNote = world.botNotes(iid).find((n) => n.body.includes("@bob"));
    expect(activeNote).toBeDefined();
    for (const item of active) expect(world.issue(iid).description).toContain(`[ ] ${item}`);
    expect(await world.writesDuring(() => world.handle(last!.payload))).toBe(0);

    world.state.now = "2026-02-02T10:00:00Z";
    for (const item of active) last = bob.tick(PROJECT, iid, item);
    await world.handle(last!.payload);
    expect(world.stages(iid)).toEqual(["active"]);
    expect(world.issue(iid).dueDate).toBe("2026-06-16");

    // Nothing due in between: the sweep writes nothing.
    world.state.now = "2026-04-01T06:00:00Z";
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    // 14 days before the end the sweep moves it to Return and reminds both.
    world.state.now = "2026-06-16T06:00:00Z";
    expect((await world.sweep()).code).toBe(0);
    expect(world.stages(iid)).toEqual(["return"]);
    expect(world.issue(iid).dueDate).toBe("2026-06-30");
    const returnNote = world.botNotes(iid).at(-1)!;
    expect(returnNote.body).toContain("@alice");
    expect(returnNote.body).toContain("@bob");
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    // The manager extends by a month: back to Active until 14 days before the new end.
    world.state.now = "2026-06-20T10:00:00Z";
    const extend = bob.comment(PROJECT, iid, "/career extend 2026-07-31");
    await world.handle(extend.payload);
    expect(world.botNotes(iid).at(-1)!.body).toContain("/career extend 2026-07-31` recorded");
    expect(world.stages(iid)).toEqual(["active"]);
    expect(world.issue(iid).dueDate).toBe("2026-07-17");
    expect(await world.writesDuring(() => world.handle(extend.payload))).toBe(0);
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    // The old end date passes quietly.
    world.state.now = "2026-06-30T06:00:00Z";
    expect(await world.writesDuring(() => world.sweep())).toBe(0);
    expect(world.stages(iid)).toEqual(["active"]);

    world.state.now = "2026-07-17T06:00:00Z";
    await world.sweep();
    expect(world.stages(iid)).toEqual(["return"]);
    expect(world.issue(iid).dueDate).toBe("2026-07-31");

    world.state.now = "2026-07-31T06:00:00Z";
    await world.sweep();
    expect(world.labels(iid)).toEqual(
      ["career-outcome::extended", "career-stage::done", "career::acting-manager"].sort(),
    );
    expect(world.issue(iid).state).toBe("closed");
    expect(world.issue(iid).dueDate).toBeNull();
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    expect(world.botQuickActions()).toEqual([]);
    const keys = world.noteKeys(iid);
    expect(keys).not.toContain("");
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("ends on the planned end date with career-outcome::returned", async () => {
    const bob = world.state.as("bob");
    const { opened, iid } = open({ end_date: "2026-03-31" });
    await world.handle(opened.payload);
    let last = null;
    for (const item of eligibility) last = bob.tick(PROJECT, iid, item);
    await world.handle(last!.payload);
    expect(world.stages(iid)).toEqual(["active"]);
    // 58 days: no talent review.
    expect(world.issue(iid).description).not.toContain(TALENT_REVIEW_ITEM);
    expect(world.issue(iid).dueDate).toBe("2026-03-17");

    // The active checklist is left open: a reminder on the day, then the appointment still ends.
    world.state.now = "2026-03-17T06:00:00Z";
    await world.sweep();
    expect(world.stages(iid)).toEqual(["active"]);
    expect(world.botNotes(iid).at(-1)!.body).toContain("@bob");
    expect(world.issue(iid).dueDate).toBe("2026-03-31");
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    world.state.now = "2026-03-31T06:00:00Z";
    await world.sweep();
    expect(world.labels(iid)).toEqual(
      ["career-outcome::returned", "career-stage::done", "career::acting-manager"].sort(),
    );
    expect(world.issue(iid).state).toBe("closed");
    expect(await world.writesDuring(() => world.sweep())).toBe(0);
    expect(world.botQuickActions()).toEqual([]);
    const keys = world.noteKeys(iid);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("refuses an extension by the team member, with a reply, and changes nothing", async () => {
    const bob = world.state.as("bob");
    const { opened, iid } = open();
    await world.handle(opened.payload);
    let last = null;
    for (const item of eligibility) last = bob.tick(PROJECT, iid, item);
    await world.handle(last!.payload);
    const labels = world.labels(iid);
    const description = world.issue(iid).description;
    const due = world.issue(iid).dueDate;
    const notes = world.botNotes(iid).length;

    const writesBefore = world.writes();
    const run = await world.handle(
      world.state.as("alice").comment(PROJECT, iid, "/career extend 2026-09-30").payload,
    );
    expect(run.code).toBe(0);
    expect(world.writes() - writesBefore).toBe(1); // the reply, nothing else
    const reply = world.botNotes(iid).at(-1)!;
    expect(reply.body).toContain("Refused");
    expect(reply.body).toContain("Only the manager (bob) or people ops (carol) can use `/career extend`");
    expect(world.botNotes(iid)).toHaveLength(notes + 1);
    expect(world.labels(iid)).toEqual(labels);
    expect(world.issue(iid).description).toBe(description);
    expect(world.issue(iid).dueDate).toBe(due);
    expect(await world.writesDuring(() => world.sweep())).toBe(0);
  });

  it("asks for a fix of a broken data block in one comment naming the field, then resumes", async () => {
    const alice = world.state.as("alice");
    const { opened, iid } = open({ reason: "vacation" });
    expect((await world.handle(opened.payload)).code).toBe(0);
    expect(world.labels(iid)).toContain("career-status::needs-info");
    expect(world.stages(iid)).toEqual([]);
    const notes = world.botNotes(iid);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("reason (is vacation)");
    expect(await world.writesDuring(() => world.handle(opened.payload))).toBe(0);
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    const fixed = alice.editDescription(
      PROJECT,
      iid,
      world.issue(iid).description.replace("reason: vacation", "reason: trial"),
    );
    await world.handle(fixed.payload);
    expect(world.labels(iid)).not.toContain("career-status::needs-info");
    expect(world.stages(iid)).toEqual(["eligibility"]);
    // One confirmation that the fix worked, nothing else.
    expect(world.botNotes(iid)).toHaveLength(2);
    expect(world.botNotes(iid).at(-1)!.body).toContain("reads correctly now");
  });
});
