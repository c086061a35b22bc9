import { describe, expect, it } from "vitest";
import { TALENT_REVIEW_ITEM } from "../../src/workflows/acting-manager.js";
import { ACTING_ITEMS, tickEligibility } from "../support/acting-items.js";
import {
  expectFinished,
  expectFixedAndResumed,
  expectNeedsInfo,
  expectNothingMoreToDo,
  expectOpensAt,
  expectRefusedChangingNothing,
  fixDataBlock,
} from "../support/expectations.js";
import {
  openFromTemplate,
  TICK_NOTE_WORDINGS,
  tickAll,
  tickNotesWorded,
  worldPerTest,
} from "../support/walk.js";
import { PROJECT } from "../support/world.js";

const { eligibility, shortEligibility, active, explicit } = ACTING_ITEMS;

const world = worldPerTest({ now: "2026-01-20T09:00:00Z" });
const open = (fields: Record<string, string | null> = {}) =>
  openFromTemplate(world, "Acting manager", "Acting manager: alice for the Verify team", fields);

describe.each(TICK_NOTE_WORDINGS)(
  "acting manager, end to end through the CLI and gitbeaker (%s tick notes)",
  (wording) => {
    tickNotesWorded(wording, () => world);

    it("walks eligibility -> active -> return, is extended, and ends with career-outcome::extended", async () => {
      const bob = world.state.as("bob");
      const { opened, iid } = open();
      expect(world.labels(iid)).toEqual(["career::acting-manager"]);
      await expectOpensAt(world, opened, "eligibility");
      expect(world.issue(iid).description).toContain("career-bot:section:begin");
      for (const item of eligibility) expect(world.issue(iid).description).toContain(`[ ] ${item}`);
      // The same event again, and a sweep: nothing to write.

      // The team member ticks her own choice, the manager the rest, the talent review of the long
      // appointment included: Active.
      world.state.advance({ days: 2 });
      const notesBefore = world.botNotes(iid).length;
      const last = await tickEligibility(world, iid, eligibility);
      expect(world.stages(iid)).toEqual(["active"]);
      expect(world.issue(iid).dueDate).toBe("2026-06-16"); // 14 days before end_date
      // The note of entering Active, posted by this step (earlier notes mention @bob too), asks him.
      const fresh = world.botNotes(iid).slice(notesBefore);
      expect(fresh).toHaveLength(1);
      expect(fresh[0]!.body).toMatch(
        /^@bob the acting appointment of alice is active from 2026-02-01 to 2026-06-30/,
      );
      expect(fresh[0]!.body).toContain("key=enter:active#");
      for (const item of active) expect(world.issue(iid).description).toContain(`[ ] ${item}`);
      expect(await world.writesDuring(() => world.handle(last))).toBe(0);

      world.state.now = "2026-02-02T10:00:00Z";
      await tickAll(world, "bob", iid, active);
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
      await expectNothingMoreToDo(world, extend.payload);

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
      await expectFinished(world, iid, "career::acting-manager", "extended");
    });

    it("ends on the planned end date with career-outcome::returned", async () => {
      const { opened, iid } = open({ end_date: "2026-03-31" });
      await world.handle(opened.payload);
      await tickEligibility(world, iid, shortEligibility);
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
      await expectFinished(world, iid, "career::acting-manager", "returned");
    });

    it("before the start: reminds to make the role explicit, holds a long appointment for its talent review, then starts", async () => {
      const { opened, iid } = open();
      await world.handle(opened.payload);
      // 7 days [acting.explicit_reminder_days] before start_date 2026-02-01.
      expect(world.issue(iid).dueDate).toBe("2026-01-25");
      await tickEligibility(
        world,
        iid,
        eligibility.filter((item) => item !== explicit && item !== TALENT_REVIEW_ITEM),
      );
      expect(world.stages(iid)).toEqual(["eligibility"]);

      world.state.now = "2026-01-25T06:00:00Z";
      await world.sweep();
      const reminder = world.botNotes(iid).at(-1)!.body;
      expect(reminder).toContain("@bob");
      expect(reminder).toContain("not yet ticked that the role was made explicit as acting");
      expect(reminder).toContain("before the temporary role is created");
      expect(await world.writesDuring(() => world.sweep())).toBe(0);

      await tickAll(world, "bob", iid, [explicit]);
      expect(world.stages(iid)).toEqual(["eligibility"]);
      await tickAll(world, "bob", iid, [TALENT_REVIEW_ITEM]);
      expect(world.stages(iid)).toEqual(["active"]);
    });

    it("holds eligibility while the time at the company is short, saying why, and starts once the start moves", async () => {
      const { opened, iid } = open({ company_start_date: "2025-09-01" });
      await world.handle(opened.payload);
      await tickEligibility(world, iid, eligibility);
      expect(world.stages(iid)).toEqual(["eligibility"]);
      const why = world.botNotes(iid).find((n) => n.body.includes("tenure criterion is not met"))!.body;
      expect(why).toContain("5 month(s) at the company");
      expect(why).toContain("The earliest start date that meets it is 2026-03-01");
      expect(world.issue(iid).description).toContain(
        "Tenure: 5 month(s) from 2025-09-01 to the start on 2026-02-01 (6 needed): not met",
      );
      await fixDataBlock(world, iid, "start_date: 2026-02-01", "start_date: 2026-03-01", "bob");
      expect(world.stages(iid)).toEqual(["active"]);
    });

    it("refuses an extension by the team member, with a reply, and changes nothing", async () => {
      const { opened, iid } = open();
      await world.handle(opened.payload);
      await tickEligibility(world, iid, eligibility);
      const reason = "Only the manager (bob) or people ops (carol) can use `/career extend`";
      await expectRefusedChangingNothing(world, iid, "alice", "/career extend 2026-09-30", reason);
    });

    it("asks for a fix of a broken data block in one comment naming the field, then resumes", async () => {
      const { opened, iid } = open({ reason: "vacation" });
      await expectNeedsInfo(world, opened, "reason (is vacation)");
      await expectFixedAndResumed(world, iid, "reason: vacation", "reason: trial", "eligibility");
    });
  },
);
