import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TRANSFER_TABLE_NOTE } from "../../src/careers/transfers.js";
import { PROJECT, templateDescription, World } from "../support/world.js";

const application = [
  "Told the current manager (or the People Business Partner) before applying",
  "Applied to the new role through Greenhouse",
  "Interviews and references completed",
  "Offer for the new role accepted",
];
const transition = [
  "Transfer date agreed between the current and the new manager",
  "Letter of adjustment signed",
  "BambooHR job information change request submitted",
  "New manager announced the transfer to the team",
  "Backfill and onboarding for the new role planned",
];

let world: World;
beforeEach(async () => {
  world = await new World({ now: "2026-01-20T09:00:00Z" }).start();
});
afterEach(() => world.stop());

function open(fields: Record<string, string | null> = {}) {
  const opened = world.state.as("alice").openIssue({
    title: "Lateral transfer: alice",
    description: templateDescription("Lateral transfer", fields),
  });
  return { opened, iid: opened.issue.iid };
}

describe("lateral transfer, end to end through the CLI and gitbeaker", () => {
  it("walks application -> transition (reminded on the transfer date) -> done: career-outcome::transferred", async () => {
    const { opened, iid } = open();
    expect(opened.issue.confidential).toBe(true);
    expect((await world.handle(opened.payload)).code).toBe(0);
    expect(world.stages(iid)).toEqual(["application"]);
    // Backend Engineer to Support Engineer is a row of the table: no warning.
    expect(world.botNotes(iid)).toEqual([]);
    expect(world.issue(iid).description).toContain(
      "Move: Backend Engineer to Support Engineer: listed in the Transfer Options table",
    );
    expect(await world.writesDuring(() => world.handle(opened.payload))).toBe(0);
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    world.state.now = "2026-02-10T10:00:00Z";
    let last = null;
    for (const item of application.slice(0, 2)) last = world.state.as("alice").tick(PROJECT, iid, item);
    for (const item of application.slice(2)) last = world.state.as("bob").tick(PROJECT, iid, item);
    await world.handle(last!.payload);
    expect(world.stages(iid)).toEqual(["transition"]);
    const transitionNote = world.botNotes(iid).at(-1)!.body;
    expect(transitionNote).toContain("@bob");
    expect(transitionNote).toContain("@dave");
    expect(world.issue(iid).dueDate).toBe("2026-03-01"); // the transfer date
    expect(await world.writesDuring(() => world.handle(last!.payload))).toBe(0);
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    world.state.now = "2026-02-20T10:00:00Z";
    for (const item of transition.slice(0, 3)) last = world.state.as("dave").tick(PROJECT, iid, item);
    await world.handle(last!.payload);
    expect(world.stages(iid)).toEqual(["transition"]);

    world.state.now = "2026-03-01T06:00:00Z";
    await world.sweep();
    const reminder = world.botNotes(iid).at(-1)!.body;
    expect(reminder).toContain("the transfer date (2026-03-01) has come");
    expect(reminder).toContain("@dave");
    expect(world.issue(iid).dueDate).toBeNull();
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    world.state.now = "2026-03-02T10:00:00Z";
    for (const item of transition.slice(3)) last = world.state.as("bob").tick(PROJECT, iid, item);
    const finished = await world.handle(last!.payload);
    expect(finished.code).toBe(0);
    expect(world.labels(iid)).toEqual(
      ["career-outcome::transferred", "career-stage::done", "career::lateral-transfer"].sort(),
    );
    expect(world.issue(iid).state).toBe("closed");
    expect(await world.writesDuring(() => world.handle(last!.payload))).toBe(0);
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    expect(world.botQuickActions()).toEqual([]);
    const keys = world.noteKeys(iid);
    expect(keys).not.toContain("");
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("warns once about a move the table does not list, quoting the handbook, and carries on to withdrawn", async () => {
    const { opened, iid } = open({ current_role: "Senior Backend Engineer", target_role: "Data Scientist" });
    await world.handle(opened.payload);
    expect(world.stages(iid)).toEqual(["application"]);
    expect(world.labels(iid)).not.toContain("career-status::needs-info");
    const notes = world.botNotes(iid);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain(
      "The move from Senior Backend Engineer to Data Scientist is not in the handbook's Transfer Options table",
    );
    expect(notes[0]!.body).toContain("don't feel limited by this table");
    expect(notes[0]!.body).toContain(TRANSFER_TABLE_NOTE);
    expect(notes[0]!.body).toContain("carries on");
    expect(await world.writesDuring(() => world.handle(opened.payload))).toBe(0);
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    // A tick later: the warning is not said again.
    world.state.advance({ days: 2 });
    const tick = world.state.as("alice").tick(PROJECT, iid, application[0]!);
    await world.handle(tick.payload);
    expect(world.botNotes(iid)).toHaveLength(1);

    const withdraw = world.state.as("alice").comment(PROJECT, iid, "/career withdraw");
    await world.handle(withdraw.payload);
    expect(world.labels(iid)).toEqual(
      ["career-outcome::withdrawn", "career-stage::done", "career::lateral-transfer"].sort(),
    );
    expect(world.issue(iid).state).toBe("closed");
    expect(await world.writesDuring(() => world.handle(withdraw.payload))).toBe(0);
    const keys = world.noteKeys(iid);
    expect(new Set(keys).size).toBe(keys.length);
    expect(world.botQuickActions()).toEqual([]);
  });

  it("takes a move between backend teams as listed, with no warning", async () => {
    const { opened, iid } = open({ current_role: "Backend Engineer, Gitaly", target_role: "Verify" });
    await world.handle(opened.payload);
    expect(world.stages(iid)).toEqual(["application"]);
    expect(world.botNotes(iid)).toEqual([]);
    expect(world.issue(iid).description).toContain("a move between backend teams (Gitaly to Verify)");
  });

  it("refuses a withdrawal by the new manager, with a reply, and changes nothing", async () => {
    const { opened, iid } = open();
    await world.handle(opened.payload);
    const labels = world.labels(iid);
    const description = world.issue(iid).description;

    const writesBefore = world.writes();
    const run = await world.handle(world.state.as("dave").comment(PROJECT, iid, "/career withdraw").payload);
    expect(run.code).toBe(0);
    expect(world.writes() - writesBefore).toBe(1); // the reply, nothing else
    const notes = world.botNotes(iid);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("Refused");
    expect(notes[0]!.body).toContain("Only the team member or manager (alice, bob) or people ops (carol)");
    expect(world.labels(iid)).toEqual(labels);
    expect(world.issue(iid).description).toBe(description);
    expect(world.issue(iid).state).toBe("opened");
  });

  it("asks for a fix of a broken data block in one comment naming the field", async () => {
    const { opened, iid } = open({ transfer_date: "2026-02-30" });
    expect((await world.handle(opened.payload)).code).toBe(0);
    expect(world.labels(iid)).toEqual(["career-status::needs-info", "career::lateral-transfer"]);
    const notes = world.botNotes(iid);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("transfer_date (is 2026-02-30): must be a real date");
    expect(await world.writesDuring(() => world.handle(opened.payload))).toBe(0);
  });
});
