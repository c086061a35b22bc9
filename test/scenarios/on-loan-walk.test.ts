import { describe, expect, it } from "vitest";
import { LOAN_ITEMS } from "../../src/workflows/on-loan.js";
import {
  expectFinished,
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

const world = worldPerTest({ now: "2026-01-26T09:00:00Z" });
const open = (fields: Record<string, string | null> = {}) =>
  openFromTemplate(world, "On loan", "On loan: alice to Gitaly", fields);

describe.each(TICK_NOTE_WORDINGS)(
  "on loan, end to end through the CLI and gitbeaker (%s tick notes)",
  (wording) => {
    tickNotesWorded(wording, () => world);

    it("walks setup -> on loan, is extended, reminds before the end and ends with career-outcome::returned", async () => {
      const iid = await expectOpensAt(world, open().opened, "setup");
      const setupNote = world.botNotes(iid).at(-1)!.body;
      expect(setupNote).toContain("@dave");
      expect(setupNote).toContain("from 2026-02-01 to 2026-04-30");
      for (const item of LOAN_ITEMS) expect(world.issue(iid).description).toContain(`[ ] ${item}`);
      expect(world.issue(iid).dueDate).toBe("2026-04-16"); // 14 days before the end

      // The host manager takes the three steps.
      world.state.now = "2026-02-02T10:00:00Z";
      const last = await tickAll(world, "dave", iid, LOAN_ITEMS);
      expect(world.stages(iid)).toEqual(["active"]);
      expect(world.issue(iid).dueDate).toBe("2026-04-16");
      expect(await world.writesDuring(() => world.handle(last))).toBe(0);

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
      expect(world.botNotes(iid).at(-1)!.body).toContain("ended on 2026-05-31");
      await expectFinished(world, iid, "career::on-loan", "returned");
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
      await expectFinished(world, iid, "career::on-loan", "returned");
    });

    it("refuses an extension by the team member, with a reply, and changes nothing", async () => {
      const { opened, iid } = open();
      await world.handle(opened.payload);
      const reason = "Only the manager or host manager (bob, dave) or people ops (carol)";
      await expectRefusedChangingNothing(world, iid, "alice", "/career extend 2026-06-30", reason);
    });

    it("asks for a fix of a broken data block in one comment naming the field", async () => {
      const { opened } = open({ host_manager: "bob" });
      await expectNeedsInfo(world, opened, "host_manager (is bob): is the team member's own manager");
    });
  },
);
