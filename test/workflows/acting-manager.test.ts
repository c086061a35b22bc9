import { describe, expect, it } from "vitest";
import { Config } from "../../src/config/schema.js";
import { Renderer } from "../../src/engine/render.js";
import { actingManager, TALENT_REVIEW_ITEM } from "../../src/workflows/acting-manager.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { ACTING_ITEMS, actingTicker } from "../support/acting-items.js";
import { comment, tick } from "../support/snapshots.js";
import {
  checklistOf,
  dueOf,
  labelsOf,
  notesOf,
  planAt,
  problemsOf,
  replyTo,
  sectionOf,
  templatesOf,
  type Walk,
  walker,
} from "./helpers.js";

const block = {
  team_member: "alice",
  manager: "bob",
  company_start_date: "2025-03-01",
  start_date: "2026-02-01",
  end_date: "2026-06-30",
  reason: "coverage",
};
const renderer = new Renderer();
const walk: Walk = {
  definition: actingManager as unknown as WorkflowDefinition,
  block,
  createdAt: "2026-01-20T09:00:00Z",
};

const { eligibility, shortEligibility, active, selection, explicit, chosen } = ACTING_ITEMS;
const ticked = [
  ...eligibility.map((item) => tick(actingTicker(item), item, "2026-01-22T10:00:00Z")),
  ...active.map((item) => tick("bob", item, "2026-02-02T10:00:00Z")),
];
const ELIGIBLE = eligibility.length;

describe("acting manager: decide", () => {
  it("walks eligibility -> active -> return -> done with the clock, outcome returned", () => {
    const w = walker(walk);
    const start = w.at("2026-01-21T08:00:00Z");
    expect(start.stage).toBe("eligibility");
    expect(labelsOf(start.actions)).toEqual({
      kind: "labels",
      add: ["career-stage::eligibility"],
      remove: [],
    });
    expect(checklistOf(start.actions)).toEqual(eligibility);

    w.add(...ticked.slice(0, ELIGIBLE));
    const activated = w.at("2026-01-22T12:00:00Z");
    expect(activated.stage).toBe("active");
    const note = notesOf(activated.actions).find((n) => n.template === "acting-manager/active")!;
    expect(note.mentions).toEqual(["bob"]);
    // The talent review was done before the start: the active stage does not ask again.
    expect(checklistOf(activated.actions)).toEqual(active);
    expect(dueOf(activated.actions)).toEqual({ kind: "due-date", date: "2026-06-16" });

    w.add(...ticked.slice(ELIGIBLE));
    const running = w.at("2026-06-15T08:00:00Z");
    expect(running.stage).toBe("active");
    expect(notesOf(running.actions)).toEqual([]);

    const returning = w.at("2026-06-16T08:00:00Z");
    expect(returning.stage).toBe("return");
    const reminder = notesOf(returning.actions).find((n) => n.template === "acting-manager/return")!;
    expect(reminder.mentions).toEqual(["alice", "bob"]);
    expect(notesOf(returning.actions)).toHaveLength(1);
    expect(dueOf(returning.actions)).toEqual({ kind: "due-date", date: "2026-06-30" });
    expect(sectionOf(returning.actions).checkpoint).toEqual({ day: "2026-06-30", label: "appointment ends" });
    expect(notesOf(w.at("2026-06-20T08:00:00Z").actions)).toEqual([]);

    const done = w.at("2026-06-30T08:00:00Z");
    expect(done.stage).toBe("done");
    expect(labelsOf(done.actions)).toMatchObject({ add: ["career-stage::done", "career-outcome::returned"] });
    expect(templatesOf(done.actions)).toEqual(["acting-manager/done"]);
    expect(done.actions).toContainEqual({ kind: "close" });
  });

  it("leaves out the talent review for an appointment shorter than the configured length", () => {
    const short = { ...block, end_date: "2026-03-15" };
    const first = planAt(walk, [], "2026-01-21T08:00:00Z", { block: short });
    expect(checklistOf(first.actions)).toEqual(shortEligibility);
    const ticks = shortEligibility.map((item) => tick(actingTicker(item), item, "2026-01-22T10:00:00Z"));
    const p = planAt(walk, ticks, "2026-01-22T12:00:00Z", { block: short });
    expect(p.stage).toBe("active");
    expect(checklistOf(p.actions)).toEqual(active);
  });

  it("reminds the manager when the active checklist is still open 14 days before the end", () => {
    const w = walker(walk);
    w.add(...ticked.slice(0, ELIGIBLE));
    w.at("2026-02-03T08:00:00Z");
    const p = w.at("2026-06-16T08:00:00Z");
    expect(p.stage).toBe("active");
    expect(notesOf(p.actions).map((n) => n.key)).toEqual(["remind:return-soon#1#2026-06-16"]);
    // The appointment still ends on its date.
    expect(w.at("2026-06-30T08:00:00Z").stage).toBe("done");
  });

  it("extends by the manager's command: gates and reminders use the new end date, outcome extended", () => {
    const extend = comment("bob", "/career extend 2026-09-30", "2026-06-20T10:00:00Z");
    const notes = [...ticked, extend];
    const p = planAt(walk, notes, "2026-06-20T12:00:00Z");
    expect(replyTo(p.actions, extend).verdict).toBe("accepted");
    expect(p.stage).toBe("active");
    expect(dueOf(p.actions)).toEqual({ kind: "due-date", date: "2026-09-16" });
    expect(sectionOf(p.actions).summary.join("\n")).toContain("planned end 2026-06-30, now 2026-09-30");
    // The active note is for the start; the reply confirms the extension.
    expect(templatesOf(p.actions)).not.toContain("acting-manager/active");

    expect(planAt(walk, notes, "2026-06-30T08:00:00Z").stage).toBe("active");
    expect(planAt(walk, notes, "2026-09-16T08:00:00Z").stage).toBe("return");
    const done = planAt(walk, notes, "2026-09-30T08:00:00Z");
    expect(done.stage).toBe("done");
    expect(labelsOf(done.actions)).toMatchObject({ add: ["career-stage::done", "career-outcome::extended"] });
  });

  it("when extended, the closing comment and the section do not say the team member is back in their original role", () => {
    const notes = [...ticked, comment("bob", "/career extend 2026-09-30", "2026-06-20T10:00:00Z")];
    const done = planAt(walk, notes, "2026-09-30T08:00:00Z");
    const closing = notesOf(done.actions).find((n) => n.template === "acting-manager/done")!;
    const text = renderer.render(closing.template, closing.data, {}, closing.mentions);
    expect(text).toContain("was extended and reached its new end date, 2026-09-30");
    expect(text).not.toMatch(/is back in their original role|returns to/);
    const section = sectionOf(done.actions);
    const guidance = renderer.render(section.guidance!, { ...section.texts, outcome: section.outcome });
    expect(guidance).toContain("was extended and has reached its new end date");
    expect(guidance).not.toContain("back in their original role");

    // Without the extension, both say the return.
    const returned = planAt(walk, ticked, "2026-06-30T08:00:00Z");
    const back = notesOf(returned.actions).find((n) => n.template === "acting-manager/done")!;
    expect(renderer.render(back.template, back.data, {}, back.mentions)).toContain(
      "alice is back in their original role",
    );
  });

  it("refuses an extension by the team member, and one that does not move the end later", () => {
    const byAlice = comment("alice", "/career extend 2026-09-30", "2026-06-17T10:00:00Z");
    const earlier = comment("bob", "/career extend 2026-06-20", "2026-06-17T11:00:00Z");
    const p = planAt(walk, [...ticked, byAlice, earlier], "2026-06-17T12:00:00Z");
    expect(p.stage).toBe("return");
    expect(replyTo(p.actions, byAlice)).toEqual({
      verdict: "refused",
      message: "Only the manager (bob) or people ops can use `/career extend`.",
    });
    const refusal = replyTo(p.actions, earlier);
    expect(refusal.verdict).toBe("refused");
    expect(refusal.message).toContain("must be later than the current one (2026-06-30)");
    expect(sectionOf(p.actions).summary.join("\n")).not.toContain("Extended");
  });

  it("ends early by the manager's /career end: the appointment ends on that date, outcome returned", () => {
    const end = comment("bob", "/career end 2026-04-10", "2026-04-01T10:00:00Z");
    const notes = [...ticked, end];
    const p = planAt(walk, notes, "2026-04-01T12:00:00Z");
    const reply = replyTo(p.actions, end);
    expect(reply.verdict).toBe("accepted");
    expect(reply.message).toContain("now ends on 2026-04-10 instead of 2026-06-30");
    expect(p.stage).toBe("return"); // within the 14 days before the new end
    expect(sectionOf(p.actions).summary.join("\n")).toContain(
      "Ended early on 2026-04-01: planned end 2026-06-30, now 2026-04-10",
    );
    expect(dueOf(p.actions)).toEqual({ kind: "due-date", date: "2026-04-10" });
    // The return note counts the days from the dates, not the reminder's 14.
    const note = notesOf(p.actions).find((n) => n.template === "acting-manager/return")!;
    const text = renderer.render(note.template, note.data, {}, note.mentions);
    expect(text).toContain("ends on 2026-04-10, in 9 days");
    expect(text).not.toContain("in 14 days");

    expect(planAt(walk, notes, "2026-04-09T08:00:00Z").stage).toBe("return");
    const done = planAt(walk, notes, "2026-04-10T08:00:00Z");
    expect(done.stage).toBe("done");
    expect(labelsOf(done.actions)).toMatchObject({ add: ["career-stage::done", "career-outcome::returned"] });
    const closing = notesOf(done.actions).find((n) => n.template === "acting-manager/done")!;
    expect(renderer.render(closing.template, closing.data, {}, closing.mentions)).toContain(
      "ended on 2026-04-10; alice is back in their original role",
    );
  });

  it("refuses /career end from the team member, on or after the current end, or on a day that has passed", () => {
    const byAlice = comment("alice", "/career end 2026-04-10", "2026-04-01T10:00:00Z");
    const later = comment("bob", "/career end 2026-07-15", "2026-04-01T10:01:00Z");
    const past = comment("bob", "/career end 2026-03-20", "2026-04-01T10:02:00Z");
    const p = planAt(walk, [...ticked, byAlice, later, past], "2026-04-01T12:00:00Z");
    expect(p.stage).toBe("active");
    expect(replyTo(p.actions, byAlice)).toEqual({
      verdict: "refused",
      message: "Only the manager (bob) or people ops can use `/career end`.",
    });
    expect(replyTo(p.actions, later).message).toContain(
      "must be before the current end (2026-06-30): '/career end' ends the appointment early; to keep it going longer, use '/career extend 2026-07-15'",
    );
    expect(replyTo(p.actions, past).message).toContain(
      "The end date (2026-03-20) has passed (today is 2026-04-01)",
    );
    expect(dueOf(p.actions)).toEqual({ kind: "due-date", date: "2026-06-16" });
  });

  it("counts the days of the return note from the dates when the run comes late", () => {
    // The return reminder's day (2026-06-16) passed unseen; the run on 2026-06-26 says 4 days, not 14.
    const p = planAt(walk, ticked, "2026-06-26T08:00:00Z");
    expect(p.stage).toBe("return");
    const note = notesOf(p.actions).find((n) => n.template === "acting-manager/return")!;
    expect(renderer.render(note.template, note.data, {}, note.mentions)).toContain(
      "ends on 2026-06-30, in 4 days",
    );
  });

  it("names every bad field of the data block and pauses", () => {
    const bad = { ...block, start_date: "2026-02-30", reason: "vacation", extra: "x" };
    const p = planAt(walk, [], "2026-01-21T08:00:00Z", { block: bad });
    expect(labelsOf(p.actions)).toEqual({ kind: "labels", add: ["career-status::needs-info"], remove: [] });
    const problems = problemsOf(p.actions).join("\n");
    expect(problems).toContain("start_date (is 2026-02-30): must be a real date");
    expect(problems).toContain('reason (is vacation): must be "trial"');
    expect(problems).toContain("extra: unknown field");

    const late = { ...block, end_date: "2026-01-15", manager: "ghost" };
    const q = planAt(walk, [], "2026-01-21T08:00:00Z", { block: late, users: { ghost: null } });
    const more = problemsOf(q.actions).join("\n");
    expect(more).toContain("end_date (is 2026-01-15): must be after start_date (2026-02-01)");
    expect(more).toContain("manager (is ghost): no GitLab user");
  });
});

describe("acting manager: what the page asks before the temporary role starts", () => {
  it("counts the tenure from company_start_date: too short holds eligibility with a comment that says why", () => {
    const recent = { ...block, company_start_date: "2025-09-01" };
    const ticks = eligibility.map((item) => tick(actingTicker(item), item, "2026-01-22T10:00:00Z"));
    const p = planAt(walk, ticks, "2026-01-22T12:00:00Z", { block: recent });
    expect(p.stage).toBe("eligibility");
    const note = notesOf(p.actions).find((n) => n.template === "acting-manager/tenure-short")!;
    expect(note.mentions).toEqual(["bob"]);
    expect(note.data.extra).toMatchObject({ tenure_months: "5", earliest_start: "2026-03-01" });
    expect(sectionOf(p.actions).summary[0]).toBe(
      "Tenure: 5 month(s) from 2025-09-01 to the start on 2026-02-01 (6 needed): not met",
    );
    // With the tenure met, the same ticks start the appointment.
    expect(planAt(walk, ticks, "2026-01-22T12:00:00Z").stage).toBe("active");
  });

  it("reads the tenure's months from the config", () => {
    const ticks = eligibility.map((item) => tick(actingTicker(item), item, "2026-01-22T10:00:00Z"));
    const strict = { ...walk, config: Config.parse({ acting: { tenure_months: 12 } }) };
    const p = planAt(strict, ticks, "2026-01-22T12:00:00Z");
    expect(p.stage).toBe("eligibility");
    expect(sectionOf(p.actions).summary[0]).toContain("(12 needed): not met");
  });

  it("asks for a missing company_start_date, saying what to add", () => {
    const { company_start_date: _, ...without } = block;
    // Left out, or left blank as `career-bot init`'s template has it.
    for (const missing of [without, { ...block, company_start_date: null }]) {
      const p = planAt(walk, [], "2026-01-21T08:00:00Z", { block: missing });
      expect(labelsOf(p.actions)).toEqual({ kind: "labels", add: ["career-status::needs-info"], remove: [] });
      expect(problemsOf(p.actions).map((line) => line.replace(" (is null)", ""))).toEqual([
        "company_start_date: is missing: add the team member's first day at the company, written YYYY-MM-DD (e.g. company_start_date: 2025-03-01), to the details at the top of this issue; the time at the company the handbook asks for is counted from it",
      ]);
    }
  });

  it("keeps the selection process as the manager's checklist in the first stage", () => {
    const p = planAt(walk, [], "2026-01-21T08:00:00Z");
    expect(p.stage).toBe("eligibility");
    expect(checklistOf(p.actions)).toEqual(expect.arrayContaining(selection));
    const allButSelection = eligibility
      .filter((item) => !selection.includes(item))
      .map((item) => tick(actingTicker(item), item, "2026-01-22T10:00:00Z"));
    expect(planAt(walk, allButSelection, "2026-01-22T12:00:00Z").stage).toBe("eligibility");
  });

  it("starts only once the team member records their own choice: the manager cannot tick it for them (R27)", () => {
    // "It's important that Engineering Managers self-select into that track and don't feel pressured."
    const byManager = eligibility.map((item) => tick("bob", item, "2026-01-22T10:00:00Z"));
    const p = planAt(walk, byManager, "2026-01-22T12:00:00Z");
    expect(p.stage).toBe("eligibility");
    const refusal = notesOf(p.actions).find((n) => n.template === "common/tick-refused")!;
    expect(refusal.data).toMatchObject({ item: chosen, by: "bob" });
    // The team member's own tick starts the appointment.
    const own = [...byManager, tick("alice", chosen, "2026-01-22T11:00:00Z")];
    expect(planAt(walk, own, "2026-01-22T12:00:00Z").stage).toBe("active");
  });

  it("gates the start of a long appointment on the talent review", () => {
    const withoutReview = eligibility
      .filter((item) => item !== TALENT_REVIEW_ITEM)
      .map((item) => tick(actingTicker(item), item, "2026-01-22T10:00:00Z"));
    expect(planAt(walk, withoutReview, "2026-02-10T12:00:00Z").stage).toBe("eligibility");
    const review = tick("bob", TALENT_REVIEW_ITEM, "2026-01-23T10:00:00Z");
    expect(planAt(walk, [...withoutReview, review], "2026-01-23T12:00:00Z").stage).toBe("active");
  });

  it("asks for the talent review in the active stage when an extension makes a short appointment long", () => {
    const short = { ...block, end_date: "2026-03-15" };
    const ticks = [
      ...shortEligibility.map((item) => tick(actingTicker(item), item, "2026-01-22T10:00:00Z")),
      ...active.map((item) => tick("bob", item, "2026-02-02T10:00:00Z")),
    ];
    const extend = comment("bob", "/career extend 2026-06-30", "2026-03-02T10:00:00Z");
    const p = planAt(walk, [...ticks, extend], "2026-03-02T12:00:00Z", { block: short });
    expect(replyTo(p.actions, extend).verdict).toBe("accepted");
    expect(p.stage).toBe("active");
    expect(checklistOf(p.actions)).toEqual([active[0], TALENT_REVIEW_ITEM, active[1]]);
  });

  it("asks in the first stage to make the role explicit, and reminds the manager before the start if it is not ticked", () => {
    const w = walker(walk);
    const first = w.at("2026-01-21T08:00:00Z");
    expect(checklistOf(first.actions)).toContain(explicit);
    // 7 days [acting.explicit_reminder_days] before start_date 2026-02-01.
    expect(dueOf(first.actions)).toEqual({ kind: "due-date", date: "2026-01-25" });
    expect(sectionOf(first.actions).checkpoint).toEqual({
      day: "2026-01-25",
      label: "make the acting role explicit",
    });
    expect(notesOf(w.at("2026-01-24T08:00:00Z").actions)).toEqual([]);
    const due = w.at("2026-01-25T08:00:00Z");
    const reminder = notesOf(due.actions).find((n) => n.template === "acting-manager/explicit-reminder")!;
    expect(reminder.key).toBe("remind:make-explicit#0#2026-01-25");
    expect(reminder.mentions).toEqual(["bob"]);
    expect(notesOf(w.at("2026-01-26T08:00:00Z").actions)).toEqual([]);
  });

  it("does not remind once the role was made explicit", () => {
    const told = tick("bob", explicit, "2026-01-22T10:00:00Z");
    const p = planAt(walk, [told], "2026-01-25T08:00:00Z");
    expect(p.stage).toBe("eligibility");
    expect(templatesOf(p.actions)).not.toContain("acting-manager/explicit-reminder");
    const q = planAt(walk, [told], "2026-01-22T12:00:00Z");
    expect(dueOf(q.actions)).not.toEqual({ kind: "due-date", date: "2026-01-25" });
  });

  it("reads the reminder's days from the config", () => {
    const early = { ...walk, config: Config.parse({ acting: { explicit_reminder_days: 10 } }) };
    const p = planAt(early, [], "2026-01-22T08:00:00Z");
    expect(templatesOf(p.actions)).toContain("acting-manager/explicit-reminder");
  });
});
