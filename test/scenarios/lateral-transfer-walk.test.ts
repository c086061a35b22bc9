import { describe, expect, it } from "vitest";
import { TRANSFER_TABLE_NOTE } from "../../src/careers/transfers.js";
import {
  expectFinished,
  expectNeedsInfo,
  expectNothingMoreToDo,
  expectOpensAt,
  expectRefusedChangingNothing,
} from "../support/expectations.js";
import {
  openFromTemplate,
  TICK_NOTE_WORDINGS,
  tickAll,
  tickEach,
  tickNotesWorded,
  worldPerTest,
} from "../support/walk.js";
import { PROJECT } from "../support/world.js";

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

const world = worldPerTest({ now: "2026-01-20T09:00:00Z" });
const open = (fields: Record<string, string | null> = {}) =>
  openFromTemplate(world, "Lateral transfer", "Lateral transfer: alice", fields);

describe.each(TICK_NOTE_WORDINGS)(
  "lateral transfer, end to end through the CLI and gitbeaker (%s tick notes)",
  (wording) => {
    tickNotesWorded(wording, () => world);

    it("walks application -> transition (reminded on the transfer date) -> done: career-outcome::transferred", async () => {
      const iid = await expectOpensAt(world, open().opened, "application");
      // Backend Engineer to Support Engineer is a row of the table: no warning.
      expect(world.botNotes(iid)).toEqual([]);
      expect(world.issue(iid).description).toContain(
        "Move: Backend Engineer to Support Engineer: listed in the Transfer Options table",
      );

      world.state.now = "2026-02-10T10:00:00Z";
      tickEach(world, "alice", iid, application.slice(0, 2));
      const applied = await tickAll(world, "bob", iid, application.slice(2));
      expect(world.stages(iid)).toEqual(["transition"]);
      const transitionNote = world.botNotes(iid).at(-1)!.body;
      expect(transitionNote).toContain("@bob");
      expect(transitionNote).toContain("@dave");
      expect(world.issue(iid).dueDate).toBe("2026-03-01"); // the transfer date
      await expectNothingMoreToDo(world, applied);

      world.state.now = "2026-02-20T10:00:00Z";
      await tickAll(world, "dave", iid, transition.slice(0, 3));
      expect(world.stages(iid)).toEqual(["transition"]);

      world.state.now = "2026-03-01T06:00:00Z";
      await world.sweep();
      const reminder = world.botNotes(iid).at(-1)!.body;
      expect(reminder).toContain("the transfer date (2026-03-01) has come");
      expect(reminder).toContain("@dave");
      expect(world.issue(iid).dueDate).toBeNull();
      expect(await world.writesDuring(() => world.sweep())).toBe(0);

      world.state.now = "2026-03-02T10:00:00Z";
      const finished = await tickAll(world, "bob", iid, transition.slice(3));
      await expectFinished(world, iid, "career::lateral-transfer", "transferred", finished);
    });

    it("warns once about a move the table does not list, quoting the handbook, and carries on to withdrawn", async () => {
      const { opened, iid } = open({
        current_role: "Senior Backend Engineer",
        target_role: "Data Scientist",
      });
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
      await expectNothingMoreToDo(world, opened.payload);

      // A tick later: the warning is not said again.
      world.state.advance({ days: 2 });
      const tick = world.state.as("alice").tick(PROJECT, iid, application[0]!);
      await world.handle(tick.payload);
      expect(world.botNotes(iid)).toHaveLength(1);

      const withdraw = world.state.as("alice").comment(PROJECT, iid, "/career withdraw");
      await world.handle(withdraw.payload);
      await expectFinished(world, iid, "career::lateral-transfer", "withdrawn", withdraw.payload);
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
      expect(world.botNotes(iid)).toEqual([]);
      expect(world.issue(iid).state).toBe("opened");
      const reason = "Only the team member or manager (alice, bob) or people ops (carol)";
      await expectRefusedChangingNothing(world, iid, "dave", "/career withdraw", reason);
    });

    it("asks for a fix of a broken data block in one comment naming the field", async () => {
      const { opened } = open({ transfer_date: "2026-02-30" });
      await expectNeedsInfo(world, opened, "transfer_date (is 2026-02-30): must be a real date");
    });
  },
);
