import { describe, expect, it } from "vitest";
import { actingManager, TALENT_REVIEW_ITEM } from "../../src/workflows/acting-manager.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
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
  start_date: "2026-02-01",
  end_date: "2026-06-30",
  reason: "coverage",
};
const walk: Walk = {
  definition: actingManager as unknown as WorkflowDefinition,
  block,
  createdAt: "2026-01-20T09:00:00Z",
};

const eligibility = [
  "Shows managerial interest",
  "Has experience in the individual contributor role they would manage",
  "Has been at the company for at least 6 months and is thriving in the remote-only context",
  "Exemplifies the company values",
];
const active = [
  "Made explicit with the team member and the team that the role is acting (temporary) and ends with a return to the original role",
  "Direct reports stay with their current manager in BambooHR (they are not moved to an acting manager)",
  TALENT_REVIEW_ITEM,
];
const ticked = [
  ...eligibility.map((item) => tick("bob", item, "2026-01-22T10:00:00Z")),
  ...active.map((item) => tick("bob", item, "2026-02-02T10:00:00Z")),
];

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

    w.add(...ticked.slice(0, 4));
    const activated = w.at("2026-01-22T12:00:00Z");
    expect(activated.stage).toBe("active");
    const note = notesOf(activated.actions).find((n) => n.template === "acting-manager/active")!;
    expect(note.mentions).toEqual(["bob"]);
    // 149 days is longer than the 90-day talent-review length: the item is on the checklist.
    expect(checklistOf(activated.actions)).toEqual(active);
    expect(dueOf(activated.actions)).toEqual({ kind: "due-date", date: "2026-06-16" });

    w.add(...ticked.slice(4));
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
    const p = planAt(walk, ticked.slice(0, 4), "2026-01-22T12:00:00Z", { block: short });
    expect(checklistOf(p.actions)).toEqual(active.slice(0, 2));
  });

  it("reminds the manager when the active checklist is still open 14 days before the end", () => {
    const w = walker(walk);
    w.add(...ticked.slice(0, 5));
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
