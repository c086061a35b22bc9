import { describe, expect, it } from "vitest";
import { AGREEMENT_ITEMS } from "../../src/workflows/apprenticeship.js";
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
  tickEach,
  tickNotesWorded,
  worldPerTest,
} from "../support/walk.js";
import { PROJECT } from "../support/world.js";

const eligibility = [
  "Excelling in the current role, with no performance issues",
  "Works full time with the company",
  "This is an apprenticeship for learning, not a realignment, redeployment or secondment (ask the People Business Partner if unsure)",
];
const apprentice = AGREEMENT_ITEMS.filter((item) => item.startsWith("Apprentice:"));
const host = AGREEMENT_ITEMS.filter((item) => item.startsWith("Host department:"));

const world = worldPerTest({ now: "2026-01-20T09:00:00Z" });
const open = (fields: Record<string, string | null> = {}) =>
  openFromTemplate(world, "Apprenticeship", "Apprenticeship: alice in Security", fields);

async function toActive(iid: number) {
  await tickAll(world, "bob", iid, eligibility);
  tickEach(world, "alice", iid, apprentice);
  await tickAll(world, "dave", iid, host);
}

describe.each(TICK_NOTE_WORDINGS)(
  "apprenticeship, end to end through the CLI and gitbeaker (%s tick notes)",
  (wording) => {
    tickNotesWorded(wording, () => world);

    it("walks eligibility -> agreement -> active (monthly check-ins) -> review, is extended, and concludes", async () => {
      const iid = await expectOpensAt(world, open().opened, "eligibility");
      expect(world.issue(iid).description).toContain("Tenure: 11 month(s) from 2025-03-01");

      world.state.advance({ days: 1 });
      const last = await tickAll(world, "bob", iid, eligibility);
      expect(world.stages(iid)).toEqual(["agreement"]);
      const agreement = world.botNotes(iid).at(-1)!.body;
      expect(agreement).toContain("@alice");
      expect(agreement).toContain("@dave");
      expect(await world.writesDuring(() => world.handle(last))).toBe(0);

      // Both sides confirm their commitments: the apprentice hers, the host manager the department's.
      world.state.now = "2026-01-26T10:00:00Z";
      await tickAll(world, "alice", iid, apprentice);
      expect(world.stages(iid)).toEqual(["agreement"]);
      await tickAll(world, "dave", iid, host);
      expect(world.stages(iid)).toEqual(["active"]);
      expect(world.issue(iid).dueDate).toBe("2026-03-03"); // the first monthly check-in, 30 days after start_date

      // The daily sweep: a check-in every 30 days until the end date, each posted once.
      const checkins: string[] = [];
      while (world.issue(iid).dueDate! < "2026-08-01") {
        world.state.now = `${world.issue(iid).dueDate}T06:00:00Z`;
        expect((await world.sweep()).code).toBe(0);
        checkins.push(world.state.now.slice(0, 10));
        const note = world.botNotes(iid).at(-1)!.body;
        expect(note).toContain("check-in for the apprenticeship in Security (every 30 days)");
        for (const who of ["@alice", "@bob", "@dave"]) expect(note).toContain(who);
        expect(await world.writesDuring(() => world.sweep())).toBe(0);
      }
      expect(checkins).toEqual([
        "2026-03-03",
        "2026-04-02",
        "2026-05-02",
        "2026-06-01",
        "2026-07-01",
        "2026-07-31",
      ]);
      expect(world.issue(iid).dueDate).toBe("2026-08-01");

      world.state.now = "2026-08-01T06:00:00Z";
      await world.sweep();
      expect(world.stages(iid)).toEqual(["review"]);
      expect(world.botNotes(iid).at(-1)!.body).toContain("reached its end date (2026-08-01)");
      expect(world.issue(iid).dueDate).toBe("2026-08-15"); // the review reminder
      expect(await world.writesDuring(() => world.sweep())).toBe(0);

      world.state.now = "2026-08-15T06:00:00Z";
      await world.sweep();
      expect(world.botNotes(iid).at(-1)!.body).toContain("review is still open");
      expect(world.issue(iid).dueDate).toBe("2026-08-29");

      // The host manager proposes two more months; the apprentice agrees: Active again, check-ins resume.
      world.state.now = "2026-08-17T09:00:00Z";
      const extend = world.state.as("dave").comment(PROJECT, iid, "/career extend 2026-10-01");
      await world.handle(extend.payload);
      const asked = world.botNotes(iid).at(-1)!.body;
      expect(asked).toContain("Recorded: dave agrees to extend the apprenticeship until 2026-10-01");
      expect(asked).toContain("@alice");
      expect(world.stages(iid)).toEqual(["review"]);
      expect(world.issue(iid).description).toContain(
        "Extension proposed by dave until 2026-10-01: waiting for the apprentice (alice) to agree",
      );
      await expectRefusedChangingNothing(
        world,
        iid,
        "dave",
        "/career extend 2026-10-01",
        "it also takes the agreement of the apprentice (alice)",
      );
      world.state.now = "2026-08-17T10:00:00Z";
      const agree = world.state.as("alice").comment(PROJECT, iid, "/career agree");
      await world.handle(agree.payload);
      expect(world.botNotes(iid).at(-1)!.body).toContain(
        "extended until 2026-10-01, agreed by dave and alice",
      );
      expect(world.stages(iid)).toEqual(["active"]);
      expect(world.issue(iid).dueDate).toBe("2026-08-30");
      expect(world.issue(iid).description).toContain(
        "Period: 2026-02-01 to 2026-10-01 (extended on 2026-08-17)",
      );
      expect(await world.writesDuring(() => world.handle(agree.payload))).toBe(0);
      expect(await world.writesDuring(() => world.handle(extend.payload))).toBe(0);

      world.state.now = "2026-09-16T06:00:00Z";
      await world.sweep();
      expect(world.botNotes(iid).at(-1)!.body).toContain(
        "check-in for the apprenticeship in Security (every 30 days)",
      );
      world.state.now = "2026-10-01T06:00:00Z";
      await world.sweep();
      expect(world.stages(iid)).toEqual(["review"]);

      world.state.now = "2026-10-02T10:00:00Z";
      // Ending is joint: the apprentice's word waits for the host manager's.
      const proposeEnd = world.state.as("alice").comment(PROJECT, iid, "/career conclude");
      await world.handle(proposeEnd.payload);
      expect(world.stages(iid)).toEqual(["review"]);
      world.state.now = "2026-10-02T11:00:00Z";
      const conclude = world.state.as("dave").comment(PROJECT, iid, "/career conclude");
      await world.handle(conclude.payload);
      await expectFinished(world, iid, "career::apprenticeship", "concluded", conclude.payload);
    });

    it("refuses an extension by someone without the role, with a reply, and changes nothing", async () => {
      const { opened, iid } = open();
      await world.handle(opened.payload);
      await toActive(iid);
      expect(world.stages(iid)).toEqual(["active"]);
      const reason =
        "Only the team member or manager or host manager (alice, bob, dave) or people ops (carol)";
      await expectRefusedChangingNothing(world, iid, "eve", "/career extend 2026-12-01", reason);
    });

    it("refuses the other side's different date while a proposal waits, and changes nothing", async () => {
      const { opened, iid } = open();
      await world.handle(opened.payload);
      await toActive(iid);
      const proposal = world.state.as("alice").comment(PROJECT, iid, "/career extend 2026-10-01");
      await world.handle(proposal.payload);
      expect(world.botNotes(iid).at(-1)!.body).toContain("@dave");
      const reason =
        "alice proposed extending until 2026-10-01, and an extension takes the same date from both sides";
      await expectRefusedChangingNothing(world, iid, "dave", "/career extend 2026-12-01", reason);
    });

    it("asks for a fix of a broken data block in one comment naming the field, then resumes", async () => {
      const { opened, iid } = open({ time_percentage: "150" });
      await expectNeedsInfo(world, opened, "time_percentage (is 150)");
      await expectFixedAndResumed(world, iid, "time_percentage: 150", "time_percentage: 20", "eligibility");
    });
  },
);
