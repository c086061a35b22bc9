import { describe, expect, it } from "vitest";
import { conversationItem } from "../../src/workflows/conversation.js";
import {
  expectCleanNotes,
  expectDone,
  expectFinished,
  expectNeedsInfo,
  expectNothingMoreToDo,
  expectRefusedChangingNothing,
} from "../support/expectations.js";
import {
  openFromTemplate,
  TICK_NOTE_WORDINGS,
  tickAll,
  tickNotesWorded,
  worldPerTest,
} from "../support/walk.js";
import { BOT, PROJECT } from "../support/world.js";

// A username with `.`, `-` and `_` (all allowed by GitLab): GitLab.com escapes them in tick notes.
const REPORT = "jo-ann.o_neil";
const CONFIG = `people_ops: [carol]\nconversations:\n  roster:\n    - { manager: bob, reports: [alice, ${REPORT}] }\n`;

const world = worldPerTest({ config: CONFIG, users: [REPORT] });

function conversationIssues() {
  return world.state.issues.filter((i) => i.labels.includes("career::conversation"));
}

describe.each(TICK_NOTE_WORDINGS)(
  "career conversations, end to end through the CLI and gitbeaker (%s tick notes)",
  (wording) => {
    tickNotesWorded(wording, () => world);

    it("creates the quarter's issue from the roster once, then walks it to career-outcome::completed", async () => {
      expect(conversationIssues()).toEqual([]);
      const run = await world.sweep();
      expect(run.code).toBe(0);

      // One confidential issue for bob this quarter, assigned to him, one checklist item per report.
      const created = conversationIssues();
      expect(created).toHaveLength(1);
      const issue = created[0]!;
      const iid = issue.iid;
      expect(issue.title).toBe("Career conversations Q1 2026: bob");
      expect(issue.confidential).toBe(true);
      expect(issue.authorId).toBe(world.state.requireUser(BOT).id);
      expect(issue.assigneeIds).toEqual([world.state.requireUser("bob").id]);
      // The same sweep set it up: stage, checklist and due date (the quarter-end reminder).
      expect(world.labels(iid)).toEqual(["career-stage::conversations", "career::conversation"]);
      for (const report of ["alice", REPORT])
        expect(world.issue(iid).description).toContain(`[ ] ${conversationItem(report)}`);
      expect(world.issue(iid).description).toContain("Quarter: 2026-Q1, until 2026-03-31");
      expect(world.issue(iid).dueDate).toBe("2026-03-17");

      // A second sweep, the same day and a week later, creates nothing and writes nothing.
      expect(await world.writesDuring(() => world.sweep())).toBe(0);
      world.state.now = "2026-01-12T06:00:00Z";
      expect(await world.writesDuring(() => world.sweep())).toBe(0);
      expect(conversationIssues()).toHaveLength(1);

      // The manager holds the first conversation.
      world.state.now = "2026-02-10T10:00:00Z";
      const first = await tickAll(world, "bob", iid, [conversationItem("alice")]);
      expect(world.stages(iid)).toEqual(["conversations"]);
      await expectNothingMoreToDo(world, first);

      // Two weeks before the quarter ends the sweep reminds bob.
      world.state.now = "2026-03-17T06:00:00Z";
      await world.sweep();
      const reminder = world.botNotes(iid).at(-1)!.body;
      expect(reminder).toContain("@bob");
      expect(reminder).toContain("ends on 2026-03-31");
      expect(world.issue(iid).dueDate).toBe("2026-04-01");
      expect(await world.writesDuring(() => world.sweep())).toBe(0);
      expect(conversationIssues()).toHaveLength(1);

      // The last conversation, ticked by bob, completes the quarter.
      world.state.now = "2026-03-20T10:00:00Z";
      const second = await tickAll(world, "bob", iid, [conversationItem(REPORT)]);
      expectDone(world, iid, "career::conversation", "completed");
      await expectNothingMoreToDo(world, second);
      // The closed issue still counts: no second issue for bob in Q1.
      expect(conversationIssues()).toHaveLength(1);

      // The next quarter brings the next issue, once.
      world.state.now = "2026-04-01T06:00:00Z";
      await world.sweep();
      const issues = conversationIssues();
      expect(issues.map((i) => i.title)).toEqual([
        "Career conversations Q1 2026: bob",
        "Career conversations Q2 2026: bob",
      ]);
      expect(issues[1]!.confidential).toBe(true);
      await expectNothingMoreToDo(world);
      expectCleanNotes(world, ...issues.map((i) => i.iid));
    });

    it("ends incomplete when the quarter is over", async () => {
      await world.sweep();
      const iid = conversationIssues()[0]!.iid;
      world.state.now = "2026-02-10T10:00:00Z";
      await tickAll(world, "bob", iid, [conversationItem("alice")]);
      world.state.now = "2026-03-17T06:00:00Z";
      await world.sweep();
      world.state.now = "2026-04-01T06:00:00Z";
      await world.sweep();
      expect(world.botNotes(iid).at(-1)!.body).toContain("carry the open ones into next quarter's issue");
      await expectFinished(world, iid, "career::conversation", "incomplete");
    });

    it("refuses a command from someone with no part in it, with a reply, and changes nothing", async () => {
      await world.sweep();
      const iid = conversationIssues()[0]!.iid;
      expect(world.botNotes(iid)).toEqual([]);

      // The workflow has no commands of its own (only help and status), so any other verb is refused.
      const reason = "not a command of the Career conversations workflow";
      await expectRefusedChangingNothing(world, iid, "eve", "/career conclude", reason);

      // eve's tick does not count: a reply, and the stage stays.
      const tick = world.state.as("eve").tick(PROJECT, iid, conversationItem("alice"));
      await world.handle(tick.payload);
      expect(world.botNotes(iid).at(-1)!.body).toContain(
        'The tick on "Career development conversation held with alice" by eve does not count',
      );
      expect(world.stages(iid)).toEqual(["conversations"]);
    });

    it("asks for a fix of a broken data block in one comment naming the field (an issue opened by hand)", async () => {
      const { opened, iid } = openFromTemplate(
        world,
        "Career conversations",
        "Career conversations 2026-Q5: bob",
        { quarter: "2026-Q5" },
        "bob",
      );
      expect(opened.issue.confidential).toBe(true);
      expect(world.labels(iid)).toEqual(["career::conversation"]);
      // (The sweep is not checked: it has the roster's issue of the quarter to create.)
      await expectNeedsInfo(world, opened, "quarter (is 2026-Q5): must be a quarter written YYYY-Qn", {
        sweeps: false,
      });
    });
  },
);
