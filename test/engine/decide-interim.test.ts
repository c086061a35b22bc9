import { describe, expect, it } from "vitest";
import type { Action } from "../../src/engine/actions.js";
import { decide } from "../../src/engine/decide.js";
import { ALTERNATIVE_CRITERIA, interimManager } from "../../src/workflows/interim-manager.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import {
  INTERIM_ELIGIBILITY as eligibility,
  interimTicker,
  INTERIM_SETUP as setup,
} from "../support/interim-items.js";
import { comment, config, interimBlock, issue, snapshot, tick, yamlBlock } from "../support/snapshots.js";
import { walker } from "../workflows/helpers.js";

const definition = interimManager as unknown as WorkflowDefinition;

function plan(
  notes = [] as ReturnType<typeof comment>[],
  now = "2026-01-06T08:00:00Z",
  block = interimBlock,
) {
  return decide({
    definition,
    snapshot: snapshot(issue({ description: yamlBlock(block) }), notes),
    config,
    now: new Date(now),
  });
}
const notesOf = (actions: Action[]) => actions.flatMap((a) => (a.kind === "note" ? [a] : []));
const labelsOf = (actions: Action[]) => actions.find((a) => a.kind === "labels");

describe("interim manager: decide", () => {
  it("starts in eligibility with the limit reminder as the due date", () => {
    const p = plan();
    expect(p.stage).toBe("eligibility");
    expect(labelsOf(p.actions)).toEqual({ kind: "labels", add: ["career-stage::eligibility"], remove: [] });
    // 4 months from 2026-01-05 is 2026-05-05; the reminder 30 days before is 2026-04-05.
    expect(p.actions).toContainEqual({ kind: "due-date", date: "2026-04-05" });
    expect(notesOf(p.actions)).toEqual([]);
  });

  it("ends as not-required for Staff -> Manager with experience, citing the table row", () => {
    const p = plan([], "2026-01-06T08:00:00Z", {
      ...interimBlock,
      current_level: "Staff",
      previous_management_experience: true,
    });
    expect(p.stage).toBe("not-required");
    expect(labelsOf(p.actions)?.kind === "labels" && labelsOf(p.actions)).toMatchObject({
      add: ["career-stage::not-required", "career-outcome::not-required"],
    });
    const note = notesOf(p.actions)[0]!;
    expect(note.template).toBe("interim-manager/not-required");
    expect(String((note.data.extra as Record<string, string>).row)).toContain("Staff → Manager");
    expect(p.actions).toContainEqual({ kind: "close" });
  });

  it("counts months of experience against the configured threshold", () => {
    const p = plan([], "2026-01-06T08:00:00Z", {
      ...interimBlock,
      current_level: "Staff",
      previous_management_experience: 7 as never,
    });
    expect(p.stage).toBe("not-required");
    const q = plan([], "2026-01-06T08:00:00Z", {
      ...interimBlock,
      current_level: "Staff",
      previous_management_experience: 3 as never,
    });
    expect(q.stage).toBe("eligibility");
  });

  it("moves to setup only when every eligibility item is ticked by a named person, and creates the People follow-up", () => {
    const ticks = eligibility.map((item, i) => tick(interimTicker(item), item, `2026-01-07T10:0${i}:00Z`));
    const p = plan(ticks, "2026-01-07T12:00:00Z");
    expect(p.stage).toBe("setup");
    expect(p.actions.some((a) => a.kind === "follow-up" && a.key === "people-team")).toBe(true);
    const stranger = [...ticks.slice(0, -1), tick("eve", eligibility.at(-1)!, "2026-01-07T10:05:00Z")];
    const q = plan(stranger, "2026-01-07T12:00:00Z");
    expect(q.stage).toBe("eligibility");
    expect(notesOf(q.actions).map((n) => n.template)).toContain("common/tick-refused");
  });

  it("holds eligibility when tenure is short and says when it would be met", () => {
    const p = plan([], "2026-01-06T08:00:00Z", { ...interimBlock, company_start_date: "2025-09-01" });
    expect(p.stage).toBe("eligibility");
    const note = notesOf(p.actions).find((n) => n.template === "interim-manager/tenure-short")!;
    expect((note.data.extra as Record<string, string>).earliest_start).toBe("2026-03-01");
    expect(note.mentions).toEqual(["bob"]);
  });

  it("refuses a review before the 30 days and a hire from someone without the role", () => {
    const base = [
      ...eligibility.map((item) => tick(interimTicker(item), item, "2026-01-07T10:00:00Z")),
      ...setup.map((item) => tick("bob", item, "2026-01-08T10:00:00Z")),
    ];
    const eve = comment("eve", "/career hire @dave 2026-02-02", "2026-01-20T10:00:00Z");
    const p = plan([...base, eve], "2026-01-20T12:00:00Z");
    expect(p.stage).toBe("hiring");
    const reply = notesOf(p.actions).find((n) => n.key.startsWith(`reply:${eve.id}.0`))!;
    expect(reply.key).toMatch(/:refused$/);
    expect(reply.data.message).toContain("Only the team member or manager (alice, bob)");

    const hire = comment("alice", "/career hire @dave 2026-02-02", "2026-01-21T10:00:00Z");
    const early = comment("bob", "/career review successful", "2026-02-20T10:00:00Z");
    const q = plan([...base, hire, early], "2026-02-20T12:00:00Z");
    expect(q.stage).toBe("hire-review");
    const refusal = notesOf(q.actions).find((n) => n.key.startsWith(`reply:${early.id}.0`))!;
    expect(refusal.key).toMatch(/:refused$/);
    expect(refusal.data.message).toContain("2026-03-04");
    expect(q.actions).toContainEqual({ kind: "due-date", date: "2026-03-04" });
  });

  it("refuses a hire whose start date is before the interim period began, and no review opens", () => {
    const base = [
      ...eligibility.map((item) => tick(interimTicker(item), item, "2026-01-07T10:00:00Z")),
      ...setup.map((item) => tick("bob", item, "2026-01-08T10:00:00Z")),
    ];
    const old = comment("alice", "/career hire @dave 2025-06-01", "2026-01-09T10:00:00Z");
    const p = plan([...base, old], "2026-01-09T12:00:00Z");
    expect(p.stage).toBe("hiring");
    const reply = notesOf(p.actions).find((n) => n.key.startsWith(`reply:${old.id}.0`))!;
    expect(reply.key).toMatch(/:refused$/);
    const message = String(reply.data.message);
    expect(message).toContain("2025-06-01"); // the date given
    expect(message).toContain("2026-01-05"); // the interim start
    expect(message).toContain("again with the right start date"); // what to do
    expect(notesOf(p.actions).map((n) => n.template)).not.toContain("interim-manager/review-request");

    // A hire starting on the interim's first day is the interim manager's hire.
    const first = comment("alice", "/career hire @dave 2026-01-05", "2026-01-09T11:00:00Z");
    expect(plan([...base, old, first], "2026-01-09T12:00:00Z").stage).toBe("hire-review");
  });

  it("refuses a hire recorded before the interim period began, even one starting after it", () => {
    // The issue's case: interim from 2026-11-02, a hire recorded on 2026-10-20 (starting on the first day).
    const block = { ...interimBlock, company_start_date: "2025-03-01", interim_start_date: "2026-11-02" };
    const base = [
      ...eligibility.map((item) => tick(interimTicker(item), item, "2026-10-07T10:00:00Z")),
      ...setup.map((item) => tick("bob", item, "2026-10-08T10:00:00Z")),
    ];
    const early = comment("alice", "/career hire @dave 2026-11-02", "2026-10-20T10:00:00Z");
    const p = plan([...base, early], "2026-10-20T12:00:00Z", block);
    expect(p.stage).toBe("hiring");
    const reply = notesOf(p.actions).find((n) => n.key.startsWith(`reply:${early.id}.0`))!;
    expect(reply.key).toMatch(/:refused$/);
    const message = String(reply.data.message);
    expect(message).toContain("recorded on 2026-10-20"); // when it was recorded
    expect(message).toContain("2026-11-02"); // the interim start
    expect(message).toContain("once the interim period has begun"); // what to do
    // Recorded again once the interim period has begun, the same hire counts.
    const again = comment("alice", "/career hire @dave 2026-11-02", "2026-11-03T10:00:00Z");
    expect(plan([...base, early, again], "2026-11-03T12:00:00Z", block).stage).toBe("hire-review");
  });

  it("walks the other success criteria: all five items, the gate on the last tick, then the promotion document", () => {
    const criteria = [
      "leader-interviews",
      "relations-role-play",
      "career-conversations",
      "talent-assessment",
      "feedback-360",
    ];
    // The page's texts, written out: GitLab's tick notes quote them.
    const texts = [
      "Successfully pass an interview(s) with the Leader(s) of the department(s) around team management competencies/scorecard for Manager",
      "Successfully pass team member relations case role play with the People Business Partner",
      "Performing career development conversations with direct reports successfully",
      "Perform a Talent Assessment with the manager's manager to determine readiness for the role",
      "Gather 360 feedback via Culture Amp for the manager",
    ];
    const block = { ...interimBlock, success_criteria: criteria as never, criteria_reason: "headcount" };
    const base = [
      ...eligibility.map((item) => tick(interimTicker(item), item, "2026-01-07T10:00:00Z")),
      ...setup.map((item) => tick("bob", item, "2026-01-08T10:00:00Z")),
    ];
    const at = "2026-03-02T12:00:00Z";
    const inCriteria = plan(base, at, block);
    expect(inCriteria.stage).toBe("criteria");
    const section = inCriteria.actions.find((a) => a.kind === "section");
    expect(section?.kind === "section" && section.model.checklist.map((line) => line.text)).toEqual(texts);

    const ticks = texts.map((text, i) => tick("bob", text, `2026-03-02T10:0${i}:00Z`));
    expect(plan([...base, ...ticks.slice(0, -1)], at, block).stage).toBe("criteria");
    const moved = plan([...base, ...ticks], at, block);
    expect(moved.stage).toBe("promotion-document");
    expect(notesOf(moved.actions).map((n) => n.template)).toContain("interim-manager/promotion-document");

    // One criterion agreed: its item alone is the gate.
    const one = {
      ...interimBlock,
      success_criteria: ["talent-assessment"] as never,
      criteria_reason: "headcount",
    };
    expect(plan([...base, ticks[3]!], at, one).stage).toBe("promotion-document");
  });

  it("does not take the interim manager's own ticks on the other success criteria; the manager's move on", () => {
    const texts = [ALTERNATIVE_CRITERIA["talent-assessment"], ALTERNATIVE_CRITERIA["feedback-360"]];
    const block = {
      ...interimBlock,
      success_criteria: ["talent-assessment", "feedback-360"] as never,
      criteria_reason: "headcount",
    };
    const base = [
      ...eligibility.map((item) => tick(interimTicker(item), item, "2026-01-07T10:00:00Z")),
      ...setup.map((item) => tick("bob", item, "2026-01-08T10:00:00Z")),
    ];
    const own = texts.map((text) => tick("alice", text, "2026-03-02T10:00:00Z"));
    const mine = plan([...base, ...own], "2026-03-02T12:00:00Z", block);
    expect(mine.stage).toBe("criteria");
    expect(notesOf(mine.actions).map((n) => n.template)).not.toContain("interim-manager/promotion-document");
    const refused = notesOf(mine.actions).filter((n) => n.template === "common/tick-refused");
    // Both ticks were one save of hers: one reply names them both.
    expect(refused.map((n) => n.data)).toEqual([
      expect.objectContaining({ items: texts, by: "alice", allowed: "manager (bob) or people ops" }),
    ]);

    const judged = texts.map((text) => tick("bob", text, "2026-03-03T10:00:00Z"));
    const moved = plan([...base, ...own, ...judged], "2026-03-03T12:00:00Z", block);
    expect(moved.stage).toBe("promotion-document");
    expect(notesOf(moved.actions).map((n) => n.template)).toContain("interim-manager/promotion-document");
  });

  it("keeps the interim manager's refused tick on a criterion refused on later runs", () => {
    const block = {
      ...interimBlock,
      success_criteria: ["feedback-360"] as never,
      criteria_reason: "headcount",
    };
    const item = ALTERNATIVE_CRITERIA["feedback-360"];
    const walk = walker({ definition, block, createdAt: "2026-01-05T09:00:00Z", config });
    walk.add(
      ...eligibility.map((text) => tick(interimTicker(text), text, "2026-01-07T10:00:00Z")),
      ...setup.map((text) => tick("bob", text, "2026-01-08T10:00:00Z")),
    );
    walk.add(tick("alice", item, "2026-03-02T10:00:00Z"));
    const first = walk.at("2026-03-02T12:00:00Z");
    expect(notesOf(first.actions).map((n) => n.template)).toContain("common/tick-refused");
    for (const now of ["2026-03-03T12:00:00Z", "2026-04-20T12:00:00Z"]) {
      const later = walk.at(now);
      expect(later.stage).toBe("criteria");
      expect(notesOf(later.actions).map((n) => n.template)).not.toContain("common/tick-refused");
    }
  });

  it("refuses the decision before the promotion document, and takes it after", () => {
    const block = {
      ...interimBlock,
      success_criteria: ["feedback-360"] as never,
      criteria_reason: "headcount",
    };
    const base = [
      ...eligibility.map((item) => tick(interimTicker(item), item, "2026-01-07T10:00:00Z")),
      ...setup.map((item) => tick("bob", item, "2026-01-08T10:00:00Z")),
      tick("bob", "Gather 360 feedback via Culture Amp for the manager", "2026-02-02T10:00:00Z"),
    ];
    const early = comment("bob", "/career decision promote", "2026-02-03T10:00:00Z");
    const p = plan([...base, early], "2026-02-03T12:00:00Z", block);
    expect(p.stage).toBe("promotion-document");
    const refusal = notesOf(p.actions).find((n) => n.key.startsWith(`reply:${early.id}.0`))!;
    expect(refusal.key).toMatch(/:refused$/);
    expect(refusal.data.message).toContain("submits the promotion document first");

    const doc = comment("alice", "/career document https://docs.example.com/promo", "2026-02-04T10:00:00Z");
    const decision = comment("bob", "/career decision promote", "2026-02-05T10:00:00Z");
    const q = plan([...base, early, doc, decision], "2026-02-05T12:00:00Z", block);
    expect(q.stage).toBe("done");
    expect(labelsOf(q.actions)).toMatchObject({ add: expect.arrayContaining(["career-outcome::promoted"]) });
  });

  it("leaves the determination to the interim manager's manager: the team member's decision is refused", () => {
    // "The goal of this process is to have a determination made by the interim manager's manager".
    const block = {
      ...interimBlock,
      success_criteria: ["feedback-360"] as never,
      criteria_reason: "headcount",
    };
    const base = [
      ...eligibility.map((item) => tick(interimTicker(item), item, "2026-01-07T10:00:00Z")),
      ...setup.map((item) => tick("bob", item, "2026-01-08T10:00:00Z")),
      tick("bob", "Gather 360 feedback via Culture Amp for the manager", "2026-02-02T10:00:00Z"),
      comment("alice", "/career document https://docs.example.com/promo", "2026-02-03T10:00:00Z"),
    ];
    const own = comment("alice", "/career decision promote", "2026-02-04T10:00:00Z");
    const p = plan([...base, own], "2026-02-04T12:00:00Z", block);
    expect(p.stage).toBe("promotion-document");
    const refusal = notesOf(p.actions).find((n) => n.key.startsWith(`reply:${own.id}.0`))!;
    expect(refusal.key).toMatch(/:refused$/);
    expect(refusal.data.message).toContain("Only the manager (bob)");
  });

  it("reminds every 14 days after an indeterminate review, and an unsuccessful one goes back to hiring", () => {
    const base = [
      ...eligibility.map((item) => tick(interimTicker(item), item, "2026-01-07T10:00:00Z")),
      ...setup.map((item) => tick("bob", item, "2026-01-08T10:00:00Z")),
      comment("alice", "/career hire @dave 2026-01-12", "2026-01-09T10:00:00Z"),
      comment("bob", "/career review indeterminate", "2026-02-12T10:00:00Z"),
    ];
    const p = plan(base, "2026-02-27T08:00:00Z");
    expect(p.stage).toBe("hire-review");
    expect(notesOf(p.actions).map((n) => n.key)).toContain("remind:recheck#3#2026-02-26");
    const q = plan(
      [...base, comment("bob", "/career review unsuccessful", "2026-02-28T10:00:00Z")],
      "2026-02-28T12:00:00Z",
    );
    expect(q.stage).toBe("hiring");
    expect(notesOf(q.actions).map((n) => n.template)).toContain("interim-manager/unsuccessful");
  });

  it("keeps the 14-day cadence after the first indeterminate reminder: the second and third", () => {
    const base = [
      ...eligibility.map((item) => tick(interimTicker(item), item, "2026-01-07T10:00:00Z")),
      ...setup.map((item) => tick("bob", item, "2026-01-08T10:00:00Z")),
      comment("alice", "/career hire @dave 2026-01-12", "2026-01-09T10:00:00Z"),
      comment("bob", "/career review indeterminate", "2026-02-12T10:00:00Z"),
    ];
    const reminders = (now: string) =>
      notesOf(plan(base, now).actions)
        .map((n) => n.key)
        .filter((key) => key.startsWith("remind:recheck"));
    const due = (now: string) => plan(base, now).actions.find((a) => a.kind === "due-date");
    // Review on 2026-02-12: reminders on 02-26, 03-12 and 03-26, each the due date until it comes.
    expect(reminders("2026-03-11T08:00:00Z")).toEqual(["remind:recheck#3#2026-02-26"]);
    expect(due("2026-03-11T08:00:00Z")).toEqual({ kind: "due-date", date: "2026-03-12" });
    expect(reminders("2026-03-12T08:00:00Z")).toEqual(["remind:recheck#3#2026-03-12"]);
    expect(reminders("2026-03-25T08:00:00Z")).toEqual(["remind:recheck#3#2026-03-12"]);
    expect(due("2026-03-25T08:00:00Z")).toEqual({ kind: "due-date", date: "2026-03-26" });
    expect(reminders("2026-03-26T08:00:00Z")).toEqual(["remind:recheck#3#2026-03-26"]);
  });

  it("marks the issue overdue after the 4-month limit", () => {
    const p = plan([], "2026-05-06T08:00:00Z");
    expect(labelsOf(p.actions)).toMatchObject({
      add: ["career-stage::eligibility", "career-status::overdue"],
    });
    expect(notesOf(p.actions).map((n) => n.key)).toEqual(["remind:limit-overdue"]); // no late "ends soon"
    expect(p.actions).toContainEqual({ kind: "due-date", date: "2026-05-05" });
  });

  it("reports every broken field of the data block in one comment and pauses", () => {
    const block = {
      ...interimBlock,
      company_start_date: "2025-02-30",
      desired_level: "Wizard",
      manager: "ghost",
    };
    const p = decide({
      definition,
      snapshot: snapshot(issue({ description: yamlBlock(block) }), [], {
        ghost: null,
        alice: { id: 1, username: "alice" },
      }),
      config,
      now: new Date("2026-01-06T08:00:00Z"),
    });
    expect(labelsOf(p.actions)).toEqual({ kind: "labels", add: ["career-status::needs-info"], remove: [] });
    const note = notesOf(p.actions)[0]!;
    const problems = (note.data.problems as string[]).join("\n");
    expect(problems).toContain("company_start_date");
    expect(problems).toContain("desired_level");
    expect(notesOf(p.actions)).toHaveLength(1);
  });
});
