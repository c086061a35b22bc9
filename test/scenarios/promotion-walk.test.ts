import { describe, expect, it } from "vitest";
import { POSITION_ITEM } from "../../src/workflows/promotion.js";
import {
  expectFinished,
  expectFixedAndResumed,
  expectNeedsInfo,
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

const world = worldPerTest({ now: "2026-01-20T09:00:00Z" });
const open = (fields: Record<string, string | null> = {}) =>
  openFromTemplate(world, "Promotion", "Promotion: alice to Staff Backend Engineer", fields);

async function toReview(iid: number) {
  await tickAll(world, "bob", iid, coaching);
  await tickAll(world, "bob", iid, documentItems);
}

describe.each(TICK_NOTE_WORDINGS)(
  "promotion, end to end through the CLI and gitbeaker (%s tick notes)",
  (wording) => {
    tickNotesWorded(wording, () => world);

    it("walks coaching -> document -> review -> done, decided by people ops: career-outcome::promoted", async () => {
      const iid = await expectOpensAt(world, open().opened, "coaching");
      const description = world.issue(iid).description;
      expect(description).toContain(
        "Move: Senior Backend Engineer to Staff Backend Engineer, based on merit and company need",
      );
      for (const item of coaching) expect(description).toContain(`[ ] ${item}`);
      // A promotion has no dated checkpoint: no due date.
      expect(world.issue(iid).dueDate).toBeNull();
      expect(world.botNotes(iid)).toEqual([]); // people ops are configured: no warning

      // Coaching: the team member ticks two items, the manager confirms the position of need.
      world.state.now = "2026-02-10T10:00:00Z";
      await tickAll(world, "alice", iid, coaching.slice(0, 2));
      expect(world.stages(iid)).toEqual(["coaching"]);
      const last = await tickAll(world, "bob", iid, [POSITION_ITEM]);
      expect(world.stages(iid)).toEqual(["document"]);
      const documentNote = world.botNotes(iid).at(-1)!.body;
      expect(documentNote).toContain("@alice");
      expect(documentNote).toContain("@bob");
      expect(await world.writesDuring(() => world.handle(last))).toBe(0);

      world.state.now = "2026-03-10T10:00:00Z";
      await tickAll(world, "bob", iid, documentItems);
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
      expect(world.issue(iid).description).toContain("Decision: approved (2026-03-20)");
      await expectFinished(world, iid, "career::promotion", "promoted", decision.payload);
    });

    it("refuses the decision from the manager (people ops only), with a reply, and changes nothing", async () => {
      const { opened, iid } = open();
      await world.handle(opened.payload);
      await toReview(iid);
      expect(world.stages(iid)).toEqual(["review"]);
      expect(world.issue(iid).state).toBe("opened");
      const reason = "Only people ops (carol) can use `/career decision`";
      await expectRefusedChangingNothing(world, iid, "bob", "/career decision approved", reason);
    });

    it("lists the valid next roles when the target role is not one, then resumes once fixed", async () => {
      const { opened, iid } = open({ target_role: "Distinguished Engineer" });
      await expectNeedsInfo(
        world,
        opened,
        "target_role (is Distinguished Engineer): is not a next role of Senior Backend Engineer; the valid next roles are: " +
          "Staff Backend Engineer (merit and company need); Backend Engineering Manager (merit and company need)",
      );
      await expectFixedAndResumed(
        world,
        iid,
        "target_role: Distinguished Engineer",
        "target_role: Backend Engineering Manager",
        "coaching",
      );
    });

    it("asks for a fix of a broken data block in one comment naming the field", async () => {
      const { opened, iid } = open({ position_of_need: null, manager: "ghost" });
      await expectNeedsInfo(world, opened, ["manager (is ghost)", "position_of_need: is required"]);

      // Fixing only the manager: the remaining problem gets its own comment.
      await fixDataBlock(world, iid, "manager: ghost", "manager: bob");
      expect(world.labels(iid)).toContain("career-status::needs-info");
      expect(world.botNotes(iid)).toHaveLength(2);
      expect(world.botNotes(iid).at(-1)!.body).toContain("position_of_need");
    });
  },
);
