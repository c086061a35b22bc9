import { describe, expect, it } from "vitest";
import {
  expectFinished,
  expectFixedAndResumed,
  expectNeedsInfo,
  expectOpensAt,
  expectRefusedChangingNothing,
} from "../support/expectations.js";
import {
  openFromTemplate,
  TICK_NOTE_WORDINGS,
  tickAll,
  tickNotesWorded,
  worldPerTest,
} from "../support/walk.js";
import { PROJECT } from "../support/world.js";

const plan = [
  "Focused transition plan written with the manager",
  "Trial activities chosen (for example hosting a Group Conversation, acting as the hiring manager for an intern position, running a series of demo meetings)",
  "Agreed that the team member can return to the IC track at any checkpoint",
];
const checkIn = (day: number, last = false) =>
  `Day ${day} check-in held: ${last ? "management track or back to the IC track decided" : "continue, adjust the plan or opt out"}`;

const world = worldPerTest({ now: "2026-01-26T09:00:00Z" });
const open = (fields: Record<string, string | null> = {}) =>
  openFromTemplate(world, "Management trial", "Management trial: alice", fields);
const chosen = "Team member: I chose to try the management track myself, without feeling pressured";
const planDone = async (iid: number) => {
  await tickAll(world, "alice", iid, [chosen]);
  await tickAll(world, "bob", iid, plan);
};

describe.each(TICK_NOTE_WORDINGS)(
  "management trial, end to end through the CLI and gitbeaker (%s tick notes)",
  (wording) => {
    tickNotesWorded(wording, () => world);

    it("walks the plan and the day 30, 60 and 90 check-ins to career-outcome::completed", async () => {
      const iid = await expectOpensAt(world, open().opened, "plan");
      expect(world.issue(iid).description).toContain(
        "Level: Senior (the handbook offers the trial to Senior and Staff Engineers)",
      );
      expect(world.issue(iid).description).toContain(
        "Trial: from 2026-02-02, check-ins on day 30 (2026-03-04), day 60 (2026-04-03), day 90 (2026-05-03)",
      );
      expect(world.issue(iid).description).toContain("Activity: Host a Group Conversation");

      world.state.now = "2026-01-30T10:00:00Z";
      await planDone(iid);
      expect(world.stages(iid)).toEqual(["education"]);
      expect(world.issue(iid).dueDate).toBe("2026-03-04");
      expect(world.issue(iid).description).toContain(`[ ] ${checkIn(30)}`);
      expect(await world.writesDuring(() => world.sweep())).toBe(0);

      // Day 30: the sweep reminds both; the check-in is held and ticked; the next part starts.
      world.state.now = "2026-03-04T06:00:00Z";
      await world.sweep();
      const reminder = world.botNotes(iid).at(-1)!.body;
      expect(reminder).toContain("check-in is due on 2026-03-04");
      expect(reminder).toContain("@alice");
      expect(reminder).toContain("@bob");
      expect(world.stages(iid)).toEqual(["education"]);
      expect(await world.writesDuring(() => world.sweep())).toBe(0);
      world.state.now = "2026-03-04T15:00:00Z";
      let last = world.state.as("alice").tick(PROJECT, iid, checkIn(30));
      await world.handle(last.payload);
      expect(world.stages(iid)).toEqual(["rhythm"]);
      expect(world.issue(iid).dueDate).toBe("2026-04-03");
      expect(await world.writesDuring(() => world.handle(last.payload))).toBe(0);

      // Day 60's check-in held early: the date gate still waits for day 60, then the sweep moves on
      // without a reminder.
      world.state.now = "2026-03-30T10:00:00Z";
      last = world.state.as("bob").tick(PROJECT, iid, checkIn(60));
      await world.handle(last.payload);
      expect(world.stages(iid)).toEqual(["rhythm"]);
      expect(world.issue(iid).dueDate).toBe("2026-04-03");
      const notes = world.botNotes(iid).length;
      world.state.now = "2026-04-03T06:00:00Z";
      await world.sweep();
      expect(world.stages(iid)).toEqual(["assessment"]);
      expect(world.botNotes(iid)).toHaveLength(notes);
      expect(world.issue(iid).dueDate).toBe("2026-05-03");
      expect(await world.writesDuring(() => world.sweep())).toBe(0);

      world.state.now = "2026-05-03T06:00:00Z";
      await world.sweep();
      expect(world.botNotes(iid).at(-1)!.body).toContain("check-in is due on 2026-05-03");
      world.state.now = "2026-05-04T10:00:00Z";
      last = world.state.as("bob").tick(PROJECT, iid, checkIn(90, true));
      await world.handle(last.payload);
      await expectFinished(world, iid, "career::management-trial", "completed", last.payload);
    });

    it("opts out at a check-in back to the IC track: career-outcome::returned", async () => {
      const { opened, iid } = open();
      await world.handle(opened.payload);
      await planDone(iid);
      world.state.now = "2026-03-04T06:00:00Z";
      await world.sweep();
      world.state.now = "2026-03-05T10:00:00Z";
      const optOut = world.state.as("alice").comment(PROJECT, iid, "/career opt-out");
      await world.handle(optOut.payload);
      expect(world.botNotes(iid).at(-1)!.body).toContain("Returning to the IC track is a fine result");
      await expectFinished(world, iid, "career::management-trial", "returned", optOut.payload);
    });

    it("refuses an opt-out by someone without the role, with a reply, and changes nothing", async () => {
      const { opened, iid } = open();
      await world.handle(opened.payload);
      await planDone(iid);
      const reason = "Only the team member or manager (alice, bob) or people ops (carol)";
      await expectRefusedChangingNothing(world, iid, "eve", "/career opt-out", reason);
    });

    it("asks for a fix of a broken data block in one comment naming the field", async () => {
      const { opened } = open({ start_date: "2026-13-01" });
      await expectNeedsInfo(world, opened, "start_date (is 2026-13-01): must be a real date");
    });

    it("is offered to Senior and Staff Engineers: another level waits for a fix that names both", async () => {
      const { opened, iid } = open({ level: "Intermediate" });
      const comment = await expectNeedsInfo(
        world,
        opened,
        "level (is Intermediate): must be Senior or Staff",
      );
      expect(comment).toContain("Senior and Staff Engineers who want to consider moving");
      await expectFixedAndResumed(world, iid, "level: Intermediate", "level: Staff", "plan");
    });
  },
);
