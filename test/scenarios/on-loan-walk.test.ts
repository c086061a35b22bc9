import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LOAN_ITEMS } from "../../src/workflows/on-loan.js";
import { PROJECT, templateDescription, World } from "../support/world.js";

let world: World;
beforeEach(async () => {
  world = await new World({ now: "2026-01-26T09:00:00Z" }).start();
});
afterEach(() => world.stop());

function open(fields: Record<string, string | null> = {}) {
  const opened = world.state.as("alice").openIssue({
    title: "On loan: alice to Gitaly",
    description: templateDescription("On loan", fields),
  });
  return { opened, iid: opened.issue.iid };
}

describe("on loan, end to end through the CLI and gitbeaker", () => {
  it("walks setup -> on loan, is extended, reminds before the end and ends with career-outcome::returned", async () => {
    const dave = world.state.as("dave");
    const { opened, iid } = open();
    expect(opened.issue.confidential).toBe(true);
    expect((await world.handle(opened.payload)).code).toBe(0);
    expect(world.stages(iid)).toEqual(["setup"]);
    const setupNote = world.botNotes(iid).at(-1)!.body;
    expect(setupNote).toContain("@dave");
    expect(setupNote).toContain("from 2026-02-01 to 2026-04-30");
    for (const item of LOAN_ITEMS) expect(world.issue(iid).description).toContain(`[ ] ${item}`);
    expect(world.issue(iid).dueDate).toBe("2026-04-16"); // 14 days before the end
    expect(await world.writesDuring(() => world.handle(opened.payload))).toBe(0);
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    // The host manager takes the three steps.
    world.state.now = "2026-02-02T10:00:00Z";
    let last = null;
    for (const item of LOAN_ITEMS) last = dave.tick(PROJECT, iid, item);
    await world.handle(last!.payload);
    expect(world.stages(iid)).toEqual(["active"]);
    expect(world.issue(iid).dueDate).toBe("2026-04-16");
    expect(await world.writesDuring(() => world.handle(last!.payload))).toBe(0);

    world.state.now = "2026-03-15T06:00:00Z";
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    world.state.now = "2026-04-16T06:00:00Z";
    await world.sweep();
    const reminder = world.botNotes(iid).at(-1)!.body;
    expect(reminder).toContain("ends on 2026-04-30");
    for (const who of ["@alice", "@bob", "@dave"]) expect(reminder).toContain(who);
    expect(world.stages(iid)).toEqual(["active"]);
    expect(world.issue(iid).dueDate).toBe("2026-04-30");
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    // The home manager extends by a month: the reminder comes again for the new end.
    world.state.now = "2026-04-20T10:00:00Z";
    const extend = world.state.as("bob").comment(PROJECT, iid, "/career extend 2026-05-31");
    await world.handle(extend.payload);
    expect(world.botNotes(iid).at(-1)!.body).toContain("/career extend 2026-05-31` recorded");
    expect(world.issue(iid).dueDate).toBe("2026-05-17");
    expect(world.issue(iid).description).toContain("to 2026-05-31 (extended on 2026-04-20)");
    expect(await world.writesDuring(() => world.handle(extend.payload))).toBe(0);

    world.state.now = "2026-04-30T06:00:00Z";
    expect(await world.writesDuring(() => world.sweep())).toBe(0);
    expect(world.stages(iid)).toEqual(["active"]);

    world.state.now = "2026-05-17T06:00:00Z";
    await world.sweep();
    expect(world.botNotes(iid).at(-1)!.body).toContain("ends on 2026-05-31");
    expect(world.issue(iid).dueDate).toBe("2026-05-31");

    world.state.now = "2026-05-31T06:00:00Z";
    await world.sweep();
    expect(world.labels(iid)).toEqual(
      ["career-outcome::returned", "career-stage::done", "career::on-loan"].sort(),
    );
    expect(world.issue(iid).state).toBe("closed");
    expect(world.issue(iid).dueDate).toBeNull();
    expect(world.botNotes(iid).at(-1)!.body).toContain("ended on 2026-05-31");
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    expect(world.botQuickActions()).toEqual([]);
    const keys = world.noteKeys(iid);
    expect(keys).not.toContain("");
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("ends on the end date even when the setup checklist was left open", async () => {
    const { opened, iid } = open({ end_date: "2026-02-28" });
    await world.handle(opened.payload);
    expect(world.issue(iid).dueDate).toBe("2026-02-14");
    world.state.now = "2026-02-14T06:00:00Z";
    await world.sweep();
    expect(world.stages(iid)).toEqual(["setup"]);
    world.state.now = "2026-02-28T06:00:00Z";
    await world.sweep();
    expect(world.labels(iid)).toEqual(
      ["career-outcome::returned", "career-stage::done", "career::on-loan"].sort(),
    );
    expect(await world.writesDuring(() => world.sweep())).toBe(0);
  });

  it("refuses an extension by the team member, with a reply, and changes nothing", async () => {
    const { opened, iid } = open();
    await world.handle(opened.payload);
    const labels = world.labels(iid);
    const description = world.issue(iid).description;
    const due = world.issue(iid).dueDate;
    const notes = world.botNotes(iid).length;

    const writesBefore = world.writes();
    const run = await world.handle(
      world.state.as("alice").comment(PROJECT, iid, "/career extend 2026-06-30").payload,
    );
    expect(run.code).toBe(0);
    expect(world.writes() - writesBefore).toBe(1); // the reply, nothing else
    const reply = world.botNotes(iid).at(-1)!;
    expect(reply.body).toContain("Refused");
    expect(reply.body).toContain("Only the manager or host manager (bob, dave) or people ops (carol)");
    expect(world.botNotes(iid)).toHaveLength(notes + 1);
    expect(world.labels(iid)).toEqual(labels);
    expect(world.issue(iid).description).toBe(description);
    expect(world.issue(iid).dueDate).toBe(due);
  });

  it("asks for a fix of a broken data block in one comment naming the field", async () => {
    const { opened, iid } = open({ host_manager: "bob" });
    expect((await world.handle(opened.payload)).code).toBe(0);
    expect(world.labels(iid)).toEqual(["career-status::needs-info", "career::on-loan"]);
    const notes = world.botNotes(iid);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("host_manager (is bob): is the team member's own manager");
    expect(await world.writesDuring(() => world.handle(opened.payload))).toBe(0);
    expect(await world.writesDuring(() => world.sweep())).toBe(0);
  });
});
