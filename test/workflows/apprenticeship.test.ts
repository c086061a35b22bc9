import { describe, expect, it } from "vitest";
import { Config } from "../../src/config/schema.js";
import { AGREEMENT_ITEMS, apprenticeship } from "../../src/workflows/apprenticeship.js";
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
  type Walk,
  walker,
} from "./helpers.js";

const block = {
  team_member: "alice",
  manager: "bob",
  host_manager: "dave",
  host_department: "Security",
  time_percentage: 20,
  company_start_date: "2025-03-01",
  start_date: "2026-02-01",
  deliverables: ["Threat model for the runner", "Two merged security fixes"],
};
const walk: Walk = {
  definition: apprenticeship as unknown as WorkflowDefinition,
  block,
  createdAt: "2026-01-20T09:00:00Z",
};

const eligibility = [
  "Excelling in the current role, with no performance issues",
  "Works full time with the company",
  "This is an apprenticeship for learning, not a realignment, redeployment or secondment (ask the People Business Partner if unsure)",
];
const eligible = eligibility.map((item) => tick("bob", item, "2026-01-22T10:00:00Z"));
const agreed = [
  ...AGREEMENT_ITEMS.slice(0, 4).map((item) => tick("alice", item, "2026-01-25T10:00:00Z")),
  ...AGREEMENT_ITEMS.slice(4).map((item) => tick("dave", item, "2026-01-25T11:00:00Z")),
];

describe("apprenticeship: decide", () => {
  it("walks eligibility -> agreement -> active (monthly check-ins) -> review -> extend -> review -> concluded", () => {
    const w = walker(walk);
    const start = w.at("2026-01-21T08:00:00Z");
    expect(start.stage).toBe("eligibility");
    expect(checklistOf(start.actions)).toEqual(eligibility);
    expect(sectionOf(start.actions).summary[0]).toContain(
      "11 month(s) from 2025-03-01 to the start on 2026-02-01 (6 needed): met",
    );
    expect(notesOf(start.actions)).toEqual([]);

    w.add(...eligible);
    const agreement = w.at("2026-01-22T12:00:00Z");
    expect(agreement.stage).toBe("agreement");
    expect(checklistOf(agreement.actions)).toEqual(AGREEMENT_ITEMS);
    expect(notesOf(agreement.actions).map((n) => [n.template, n.mentions])).toEqual([
      ["apprenticeship/agreement", ["alice", "dave"]],
    ]);

    w.add(...agreed);
    const active = w.at("2026-01-25T12:00:00Z");
    expect(active.stage).toBe("active");
    expect(dueOf(active.actions)).toEqual({ kind: "due-date", date: "2026-03-03" }); // 30 days after start_date

    const first = w.at("2026-03-03T08:00:00Z");
    expect(notesOf(first.actions).map((n) => [n.key, n.mentions])).toEqual([
      ["remind:checkin#2#2026-03-03", ["alice", "bob", "dave"]],
    ]);
    expect(dueOf(first.actions)).toEqual({ kind: "due-date", date: "2026-04-02" });
    expect(notesOf(w.at("2026-04-02T08:00:00Z").actions).map((n) => n.key)).toEqual([
      "remind:checkin#2#2026-04-02",
    ]);

    // No end_date: the default 6 months after the start.
    const review = w.at("2026-08-01T08:00:00Z");
    expect(review.stage).toBe("review");
    expect(notesOf(review.actions).map((n) => n.template)).toEqual(["apprenticeship/review"]);
    expect(dueOf(review.actions)).toEqual({ kind: "due-date", date: "2026-08-15" });
    expect(notesOf(w.at("2026-08-15T08:00:00Z").actions).map((n) => n.key)).toEqual([
      "remind:review-pending#3#2026-08-15",
    ]);

    // The host manager proposes, the apprentice agrees: a joint decision.
    const extend = comment("dave", "/career extend 2026-10-01", "2026-08-16T09:00:00Z");
    w.add(extend);
    const proposed = w.at("2026-08-16T09:30:00Z");
    expect(replyTo(proposed.actions, extend).verdict).toBe("accepted");
    expect(proposed.stage).toBe("review");
    const agree = comment("alice", "/career agree", "2026-08-16T10:00:00Z");
    w.add(agree);
    const extended = w.at("2026-08-16T12:00:00Z");
    expect(replyTo(extended.actions, agree)).toEqual({
      verdict: "accepted",
      message: "Done: the apprenticeship is extended until 2026-10-01, agreed by dave and alice.",
    });
    expect(extended.stage).toBe("active");
    expect(sectionOf(extended.actions).summary).toContain(
      "Period: 2026-02-01 to 2026-10-01 (extended on 2026-08-16)",
    );
    expect(dueOf(extended.actions)).toEqual({ kind: "due-date", date: "2026-08-30" }); // check-ins keep their monthly rhythm

    expect(w.at("2026-10-01T08:00:00Z").stage).toBe("review");
    // Ending here is joint too: the apprentice's word waits for the host manager's.
    const conclude = comment("alice", "/career conclude", "2026-10-02T10:00:00Z");
    w.add(conclude);
    expect(w.at("2026-10-02T10:30:00Z").stage).toBe("review");
    w.add(comment("dave", "/career conclude", "2026-10-02T11:00:00Z"));
    const done = w.at("2026-10-02T12:00:00Z");
    expect(done.stage).toBe("done");
    expect(labelsOf(done.actions)).toMatchObject({
      add: ["career-stage::done", "career-outcome::concluded"],
    });
    expect(done.actions).toContainEqual({ kind: "close" });
  });

  it("holds eligibility while the tenure is short and says when it would be met", () => {
    const p = planAt(walk, eligible, "2026-01-22T12:00:00Z", {
      block: { ...block, company_start_date: "2025-09-01" },
    });
    expect(p.stage).toBe("eligibility");
    const note = notesOf(p.actions).find((n) => n.template === "apprenticeship/tenure-short")!;
    expect((note.data.extra as Record<string, string>).earliest_start).toBe("2026-03-01");
  });

  it("refuses a conclusion before the review", () => {
    const conclude = comment("bob", "/career conclude", "2026-03-01T11:00:00Z");
    const p = planAt(walk, [...eligible, ...agreed, conclude], "2026-03-01T12:00:00Z");
    expect(p.stage).toBe("active");
    expect(replyTo(p.actions, conclude).message).toContain("is not available in the Active stage");
  });

  it("names every bad field of the data block", () => {
    const { host_manager: _, ...withoutHost } = block;
    const bad = { ...withoutHost, time_percentage: 150, deliverables: "ship it", end_date: "2026-13-01" };
    const p = planAt(walk, [], "2026-01-21T08:00:00Z", { block: bad });
    const problems = problemsOf(p.actions).join("\n");
    expect(problems).toContain("time_percentage (is 150): must be a number from 1 to 100");
    expect(problems).toContain("deliverables (is ship it): must be a YAML list");
    expect(problems).toContain("end_date (is 2026-13-01): must be a real date");
    expect(problems).toContain("host_manager: must be a GitLab username");

    const mixed = { ...block, host_manager: "bob", end_date: "2026-01-15" };
    const q = planAt(walk, [], "2026-01-21T08:00:00Z", { block: mixed });
    const more = problemsOf(q.actions).join("\n");
    expect(more).toContain("host_manager (is bob): is the team member's own manager");
    expect(more).toContain("end_date (is 2026-01-15): must be after start_date (2026-02-01)");
  });
});

describe("apprenticeship: an extension is the apprentice's and the host department's joint decision", () => {
  const inReview = [...eligible, ...agreed];
  const at = "2026-08-16T12:00:00Z"; // in review since 2026-08-01
  const extendBy = (who: string, day: string, time = "2026-08-16T10:00:00Z") =>
    comment(who, `/career extend ${day}`, time);

  it("takes one side's extend as a proposal: the end date stands and the other side is asked", () => {
    const proposal = extendBy("alice", "2026-10-01");
    const p = planAt(walk, [...inReview, proposal], at);
    expect(p.stage).toBe("review");
    const reply = replyTo(p.actions, proposal);
    expect(reply.verdict).toBe("accepted");
    expect(reply.message).toBe(
      "Recorded: alice agrees to extend the apprenticeship until 2026-10-01. An extension is decided by both sides, so it takes effect once the host manager (dave) agrees with '/career agree' (or '/career extend 2026-10-01'); until then the current end date stands.",
    );
    const note = notesOf(p.actions).find((n) => n.key.startsWith(`reply:${proposal.id}.`))!;
    expect(note.mentions).toEqual(["dave"]);
    expect(sectionOf(p.actions).summary).toContain("Period: 2026-02-01 to 2026-08-01");
    expect(sectionOf(p.actions).summary).toContain(
      "Extension proposed by alice until 2026-10-01: waiting for the host manager (dave) to agree",
    );
  });

  it("completes with the other side's same command and date", () => {
    const notes = [
      ...inReview,
      extendBy("alice", "2026-10-01"),
      extendBy("dave", "2026-10-01", "2026-08-16T11:00:00Z"),
    ];
    const p = planAt(walk, notes, at);
    expect(p.stage).toBe("active");
    expect(sectionOf(p.actions).summary).toContain(
      "Period: 2026-02-01 to 2026-10-01 (extended on 2026-08-16)",
    );
    expect(sectionOf(p.actions).summary.join("\n")).not.toContain("Extension proposed");
  });

  it("completes in the active stage too, before the end date, and the review waits for the new date", () => {
    const early = "2026-05-10T10:00:00Z";
    const notes = [
      ...inReview,
      extendBy("dave", "2026-10-01", early),
      comment("alice", "/career agree", "2026-05-10T11:00:00Z"),
    ];
    expect(planAt(walk, notes, "2026-08-01T08:00:00Z").stage).toBe("active");
    expect(planAt(walk, notes, "2026-10-01T08:00:00Z").stage).toBe("review");
    // One side alone does not move the end.
    expect(
      planAt(walk, [...inReview, extendBy("dave", "2026-10-01", early)], "2026-08-01T08:00:00Z").stage,
    ).toBe("review");
  });

  it("refuses a repeat by the same side, saying who must agree", () => {
    const first = extendBy("dave", "2026-10-01");
    const again = extendBy("dave", "2026-10-01", "2026-08-16T11:00:00Z");
    const agreeToo = comment("dave", "/career agree", "2026-08-16T11:30:00Z");
    const p = planAt(walk, [...inReview, first, again, agreeToo], at);
    expect(p.stage).toBe("review");
    const expected = {
      verdict: "refused",
      message:
        "The extension until 2026-10-01 is already agreed by the host manager (dave); it also takes the agreement of the apprentice (alice), with '/career agree' (or '/career extend 2026-10-01').",
    };
    expect(replyTo(p.actions, again)).toEqual(expected);
    expect(replyTo(p.actions, agreeToo)).toEqual(expected);
  });

  it("refuses another date from the other side, saying how to agree or to ask for that date", () => {
    const first = extendBy("dave", "2026-10-01");
    const other = extendBy("alice", "2026-12-01", "2026-08-16T11:00:00Z");
    const p = planAt(walk, [...inReview, first, other], at);
    expect(p.stage).toBe("review");
    expect(replyTo(p.actions, other)).toEqual({
      verdict: "refused",
      message:
        "dave proposed extending until 2026-10-01, and an extension takes the same date from both sides: to agree, use '/career agree' (or '/career extend 2026-10-01'); for another date, ask the host manager (dave) to propose it with '/career extend 2026-12-01'.",
    });
  });

  it("lets a side change its own proposal, which the other side then agrees to", () => {
    const notes = [
      ...inReview,
      extendBy("dave", "2026-10-01"),
      extendBy("dave", "2026-11-01", "2026-08-16T10:30:00Z"),
      comment("alice", "/career agree", "2026-08-16T11:00:00Z"),
    ];
    const p = planAt(walk, notes, at);
    expect(p.stage).toBe("active");
    expect(sectionOf(p.actions).summary).toContain(
      "Period: 2026-02-01 to 2026-11-01 (extended on 2026-08-16)",
    );
  });

  it("takes a side's new date as its new proposal, not as an extension on its own word", () => {
    const notes = [
      ...inReview,
      extendBy("dave", "2026-10-01"),
      extendBy("dave", "2026-11-01", "2026-08-16T10:30:00Z"),
    ];
    const p = planAt(walk, notes, at);
    expect(p.stage).toBe("review");
    expect(sectionOf(p.actions).summary).toContain("Period: 2026-02-01 to 2026-08-01");
    expect(sectionOf(p.actions).summary).toContain(
      "Extension proposed by dave until 2026-11-01: waiting for the apprentice (alice) to agree",
    );
  });

  it("refuses /career agree when nothing was proposed", () => {
    const agree = comment("alice", "/career agree", "2026-08-16T10:00:00Z");
    const p = planAt(walk, [...inReview, agree], at);
    expect(replyTo(p.actions, agree)).toEqual({
      verdict: "refused",
      message:
        "There is no proposed extension to agree to: one side proposes the new end date first, with '/career extend YYYY-MM-DD'.",
    });
  });

  it("counts people ops on the department's side, never for the apprentice", () => {
    const withOps = { ...walk, config: Config.parse({ people_ops: ["carol"] }) };
    const byOps = extendBy("carol", "2026-10-01");
    const alone = planAt(withOps, [...inReview, byOps], at);
    expect(alone.stage).toBe("review");
    expect(replyTo(alone.actions, byOps).message).toContain("once the apprentice (alice) agrees");
    // After the host manager's proposal, people ops cannot agree in the apprentice's place.
    const managers = [
      extendBy("dave", "2026-10-01"),
      comment("carol", "/career agree", "2026-08-16T11:00:00Z"),
    ];
    const p = planAt(withOps, [...inReview, ...managers], at);
    expect(p.stage).toBe("review");
    expect(replyTo(p.actions, managers[1]!).verdict).toBe("refused");
    // The apprentice's proposal, agreed by people ops standing in for the host manager, extends.
    const joint = [
      extendBy("alice", "2026-10-01"),
      comment("carol", "/career agree", "2026-08-16T11:00:00Z"),
    ];
    expect(planAt(withOps, [...inReview, ...joint], at).stage).toBe("active");
  });

  it("takes the apprentice and the host manager: the home manager joins but does not replace the department", () => {
    // R14: "the department with which they are interning" decides with the apprentice, not the home manager.
    const proposal = extendBy("alice", "2026-10-01");
    const byHome = comment("bob", "/career agree", "2026-08-16T11:00:00Z");
    const p = planAt(walk, [...inReview, proposal, byHome], at);
    expect(p.stage).toBe("review");
    expect(replyTo(p.actions, byHome)).toEqual({
      verdict: "accepted",
      message:
        "Recorded: bob (the home manager) supports extending the apprenticeship until 2026-10-01. It is decided by the apprentice (alice) and the department they intern with, the host manager (dave); nothing changes until both of them agree.",
    });
    expect(sectionOf(p.actions).summary).toContain("Period: 2026-02-01 to 2026-08-01");
    // The review goes on as it was: its reminders keep their 14-day rhythm from 2026-08-01.
    expect(dueOf(p.actions)).toEqual({ kind: "due-date", date: "2026-08-29" });
    // The home manager's own extend is support too: no proposal, no new date.
    const homeExtend = extendBy("bob", "2026-10-01");
    const q = planAt(walk, [...inReview, homeExtend], at);
    expect(q.stage).toBe("review");
    expect(replyTo(q.actions, homeExtend).message).toContain("bob (the home manager) supports extending");
    expect(sectionOf(q.actions).summary.join("\n")).not.toContain("Extension proposed");
    // The host manager's agreement extends.
    const withHost = [
      ...inReview,
      proposal,
      byHome,
      comment("dave", "/career agree", "2026-08-16T11:30:00Z"),
    ];
    expect(planAt(walk, withHost, at).stage).toBe("active");
  });

  it("ends at the review only when both sides conclude: one side's word is a proposal", () => {
    const first = comment("dave", "/career conclude", "2026-08-16T10:00:00Z");
    const home = comment("bob", "/career conclude", "2026-08-16T10:30:00Z");
    const again = comment("dave", "/career conclude", "2026-08-16T10:45:00Z");
    const p = planAt(walk, [...inReview, first, home, again], at);
    expect(p.stage).toBe("review");
    expect(replyTo(p.actions, first).message).toBe(
      "Recorded: dave would end the apprenticeship here. Neither side decides it alone, so it ends once the apprentice (alice) also comments '/career conclude'; to go on instead, one side proposes a new end date with '/career extend YYYY-MM-DD'.",
    );
    expect(replyTo(p.actions, home).message).toContain(
      "bob (the home manager) supports ending the apprenticeship here",
    );
    expect(replyTo(p.actions, again)).toEqual({
      verdict: "refused",
      message:
        "Ending the apprenticeship here is already asked by the host manager (dave); it also takes the apprentice (alice), with '/career conclude'.",
    });
    expect(sectionOf(p.actions).summary).toContain(
      "Ending here proposed by dave: waiting for the apprentice (alice) to agree",
    );
    const both = [...inReview, first, comment("alice", "/career conclude", "2026-08-16T11:00:00Z")];
    const done = planAt(walk, both, at);
    expect(done.stage).toBe("done");
    expect(replyTo(done.actions, both.at(-1)!).message).toBe(
      "Done: the apprenticeship ends here, decided by dave and alice.",
    );
  });

  it("refuses the extension to someone who is neither side", () => {
    const byEve = extendBy("eve", "2026-10-01");
    const p = planAt(walk, [...inReview, byEve], at);
    expect(replyTo(p.actions, byEve)).toEqual({
      verdict: "refused",
      message:
        "Only the team member or manager or host manager (alice, bob, dave) or people ops can use `/career extend`.",
    });
  });
});
