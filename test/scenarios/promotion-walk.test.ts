import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POSITION_ITEM } from "../../src/workflows/promotion.js";
import { PROJECT, templateDescription, World } from "../support/world.js";

const coaching = [
  "Career coaching conversation held between the team member and the manager",
  "Readiness for the target role discussed against its job family requirements",
  POSITION_ITEM,
];
const documentItems = [
  "Promotion document written, showing what the team member has already done at the target level",
  "360 feedback gathered, peer reviews especially",
  "Manager submitted the promotion following the People Ops promotion process",
];

let world: World;
beforeEach(async () => {
  world = await new World({ now: "2026-01-20T09:00:00Z" }).start();
});
afterEach(() => world.stop());

function open(fields: Record<string, string | null> = {}) {
  const opened = world.state.as("alice").openIssue({
    title: "Promotion: alice to Staff Backend Engineer",
    description: templateDescription("Promotion", fields),
  });
  return { opened, iid: opened.issue.iid };
}

async function toReview(iid: number) {
  let last = null;
  for (const item of coaching) last = world.state.as("bob").tick(PROJECT, iid, item);
  await world.handle(last!.payload);
  for (const item of documentItems) last = world.state.as("bob").tick(PROJECT, iid, item);
  await world.handle(last!.payload);
}

describe("promotion, end to end through the CLI and gitbeaker", () => {
  it("walks coaching -> document -> review -> done, decided by people ops: career-outcome::promoted", async () => {
    const { opened, iid } = open();
    expect(opened.issue.confidential).toBe(true);
    expect((await world.handle(opened.payload)).code).toBe(0);
    expect(world.stages(iid)).toEqual(["coaching"]);
    const description = world.issue(iid).description;
    expect(description).toContain(
      "Move: Senior Backend Engineer to Staff Backend Engineer, based on merit and company need",
    );
    for (const item of coaching) expect(description).toContain(`[ ] ${item}`);
    // A promotion has no dated checkpoint: no due date.
    expect(world.issue(iid).dueDate).toBeNull();
    expect(world.botNotes(iid)).toEqual([]); // people ops are configured: no warning
    expect(await world.writesDuring(() => world.handle(opened.payload))).toBe(0);
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    // Coaching: the team member ticks two items, the manager confirms the position of need.
    world.state.now = "2026-02-10T10:00:00Z";
    let last = null;
    for (const item of coaching.slice(0, 2)) last = world.state.as("alice").tick(PROJECT, iid, item);
    await world.handle(last!.payload);
    expect(world.stages(iid)).toEqual(["coaching"]);
    last = world.state.as("bob").tick(PROJECT, iid, POSITION_ITEM);
    await world.handle(last.payload);
    expect(world.stages(iid)).toEqual(["document"]);
    const documentNote = world.botNotes(iid).at(-1)!.body;
    expect(documentNote).toContain("@alice");
    expect(documentNote).toContain("@bob");
    expect(await world.writesDuring(() => world.handle(last!.payload))).toBe(0);

    world.state.now = "2026-03-10T10:00:00Z";
    for (const item of documentItems) last = world.state.as("bob").tick(PROJECT, iid, item);
    await world.handle(last!.payload);
    expect(world.stages(iid)).toEqual(["review"]);
    expect(world.issue(iid).dueDate).toBeNull();
    const reviewNote = world.botNotes(iid).at(-1)!.body;
    expect(reviewNote).toContain("@carol");
    expect(reviewNote).toContain("/career decision approved");
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    // Weeks later nothing is due, so the sweep stays quiet.
    world.state.now = "2026-03-18T06:00:00Z";
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    world.state.now = "2026-03-20T10:00:00Z";
    const decision = world.state.as("carol").comment(PROJECT, iid, "/career decision approved");
    await world.handle(decision.payload);
    expect(world.labels(iid)).toEqual(
      ["career-outcome::promoted", "career-stage::done", "career::promotion"].sort(),
    );
    expect(world.issue(iid).state).toBe("closed");
    expect(world.issue(iid).description).toContain("Decision: approved (2026-03-20)");
    expect(await world.writesDuring(() => world.handle(decision.payload))).toBe(0);
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    expect(world.botQuickActions()).toEqual([]);
    const keys = world.noteKeys(iid);
    expect(keys).not.toContain("");
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("refuses the decision from the manager (people ops only), with a reply, and changes nothing", async () => {
    const { opened, iid } = open();
    await world.handle(opened.payload);
    await toReview(iid);
    expect(world.stages(iid)).toEqual(["review"]);
    const labels = world.labels(iid);
    const description = world.issue(iid).description;
    const notes = world.botNotes(iid).length;

    const writesBefore = world.writes();
    const run = await world.handle(
      world.state.as("bob").comment(PROJECT, iid, "/career decision approved").payload,
    );
    expect(run.code).toBe(0);
    expect(world.writes() - writesBefore).toBe(1); // the reply, nothing else
    const reply = world.botNotes(iid).at(-1)!;
    expect(reply.body).toContain("Refused");
    expect(reply.body).toContain("Only the people ops (carol) can use `/career decision`");
    expect(world.botNotes(iid)).toHaveLength(notes + 1);
    expect(world.labels(iid)).toEqual(labels);
    expect(world.issue(iid).description).toBe(description);
    expect(world.issue(iid).state).toBe("opened");
  });

  it("lists the valid next roles when the target role is not one, then resumes once fixed", async () => {
    const { opened, iid } = open({ target_role: "Distinguished Engineer" });
    expect((await world.handle(opened.payload)).code).toBe(0);
    expect(world.labels(iid)).toEqual(["career-status::needs-info", "career::promotion"]);
    const notes = world.botNotes(iid);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain(
      "target_role (is Distinguished Engineer): is not a next role of Senior Backend Engineer; the valid next roles are: " +
        "Staff Backend Engineer (merit and company need); Backend Engineering Manager (merit and company need)",
    );
    expect(await world.writesDuring(() => world.handle(opened.payload))).toBe(0);
    expect(await world.writesDuring(() => world.sweep())).toBe(0);

    const fixed = world.state
      .as("alice")
      .editDescription(
        PROJECT,
        iid,
        world
          .issue(iid)
          .description.replace(
            "target_role: Distinguished Engineer",
            "target_role: Backend Engineering Manager",
          ),
      );
    await world.handle(fixed.payload);
    expect(world.labels(iid)).toEqual(["career-stage::coaching", "career::promotion"]);
    // One confirmation that the fix worked, nothing else.
    expect(world.botNotes(iid)).toHaveLength(2);
    expect(world.botNotes(iid).at(-1)!.body).toContain("reads correctly now");
  });

  it("asks for a fix of a broken data block in one comment naming the field", async () => {
    const { opened, iid } = open({ position_of_need: null, manager: "ghost" });
    expect((await world.handle(opened.payload)).code).toBe(0);
    expect(world.labels(iid)).toContain("career-status::needs-info");
    const notes = world.botNotes(iid);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain("manager (is ghost)");
    expect(notes[0]!.body).toContain("position_of_need: is required");
    expect(await world.writesDuring(() => world.handle(opened.payload))).toBe(0);

    // Fixing only the manager: the remaining problem gets its own comment.
    const fixed = world.state
      .as("alice")
      .editDescription(PROJECT, iid, world.issue(iid).description.replace("manager: ghost", "manager: bob"));
    await world.handle(fixed.payload);
    expect(world.labels(iid)).toContain("career-status::needs-info");
    expect(world.botNotes(iid)).toHaveLength(2);
    expect(world.botNotes(iid).at(-1)!.body).toContain("position_of_need");
  });
});
