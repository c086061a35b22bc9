import { describe, expect, it } from "vitest";
import { Config } from "../../src/config/schema.js";
import { managementTrial, TRIAL_EXAMPLES } from "../../src/workflows/management-trial.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { readSeed, section } from "../careers/seed.js";
import { comment, tick } from "../support/snapshots.js";
import {
  checklistOf,
  dueOf,
  labelsOf,
  notesOf,
  planAt,
  problemsOf,
  renderNote,
  replyTo,
  sectionOf,
  templatesOf,
  type Walk,
  walker,
} from "./helpers.js";

const block = {
  team_member: "alice",
  manager: "bob",
  level: "Senior",
  start_date: "2026-02-02",
  activities: ["Host a Group Conversation", "Run the release demos"],
};
const walk: Walk = {
  definition: managementTrial as unknown as WorkflowDefinition,
  block,
  createdAt: "2026-01-26T09:00:00Z",
};

const plan = [
  "Focused transition plan written with the manager",
  "Trial activities chosen (for example hosting a Group Conversation, acting as the hiring manager for an intern position, running a series of demo meetings)",
  "Agreed that the team member can return to the IC track at any checkpoint",
];
const day30 = "Day 30 check-in held: continue, adjust the plan or opt out";
const day60 = "Day 60 check-in held: continue, adjust the plan or opt out";
const day90 = "Day 90 check-in held: management track or back to the IC track decided";
const chosen = "Team member: I chose to try the management track myself, without feeling pressured";
const planned = [
  ...plan.map((item) => tick("bob", item, "2026-01-28T10:00:00Z")),
  tick("alice", chosen, "2026-01-28T10:00:00Z"),
];

describe("management trial: decide", () => {
  it("walks the plan and its three parts, with check-ins at days 30, 60 and 90, to completed", () => {
    const w = walker(walk);
    const start = w.at("2026-01-27T08:00:00Z");
    expect(start.stage).toBe("plan");
    expect(checklistOf(start.actions)).toEqual([...plan, chosen]);

    w.add(...planned);
    const education = w.at("2026-01-28T12:00:00Z");
    expect(education.stage).toBe("education");
    expect(checklistOf(education.actions)).toEqual([day30]);
    expect(dueOf(education.actions)).toEqual({ kind: "due-date", date: "2026-03-04" });

    const checkpoint = w.at("2026-03-04T08:00:00Z");
    expect(checkpoint.stage).toBe("education");
    expect(notesOf(checkpoint.actions).map((n) => [n.template, n.mentions])).toEqual([
      ["management-trial/checkpoint", ["alice", "bob"]],
    ]);

    w.add(tick("alice", day30, "2026-03-05T10:00:00Z"));
    const rhythm = w.at("2026-03-05T12:00:00Z");
    expect(rhythm.stage).toBe("rhythm");
    expect(dueOf(rhythm.actions)).toEqual({ kind: "due-date", date: "2026-04-03" });

    // A check-in ticked ahead of its day waits for the day.
    w.add(tick("bob", day60, "2026-03-30T10:00:00Z"));
    expect(w.at("2026-04-02T08:00:00Z").stage).toBe("rhythm");
    const assessment = w.at("2026-04-03T08:00:00Z");
    expect(assessment.stage).toBe("assessment");
    expect(notesOf(assessment.actions)).toEqual([]);

    w.add(tick("bob", day90, "2026-05-03T10:00:00Z"));
    const done = w.at("2026-05-03T12:00:00Z");
    expect(done.stage).toBe("done");
    expect(labelsOf(done.actions)).toMatchObject({
      add: ["career-stage::done", "career-outcome::completed"],
    });
    expect(templatesOf(done.actions)).toEqual(["management-trial/done"]);
  });

  it("returns to the IC track on /career opt-out at any point", () => {
    const optOut = comment("alice", "/career opt-out", "2026-03-10T10:00:00Z");
    const p = planAt(walk, [...planned, optOut], "2026-03-10T12:00:00Z");
    expect(replyTo(p.actions, optOut).verdict).toBe("accepted");
    expect(labelsOf(p.actions)).toMatchObject({ add: ["career-stage::done", "career-outcome::returned"] });
    expect(p.actions).toContainEqual({ kind: "close" });
  });

  it("a late opt-out's closing note claims no early decision: a fine result whenever it comes (text 14)", () => {
    // Day 89 of the 90-day plan (2026-02-02 + 89 days).
    const optOut = comment("alice", "/career opt-out", "2026-05-02T10:00:00Z");
    const p = planAt(walk, [...planned, optOut], "2026-05-02T12:00:00Z");
    const closing = notesOf(p.actions).find((n) => n.template === "management-trial/done")!;
    const text = renderNote(closing);
    expect(text).not.toContain("before investing a significant amount of time");
    expect(text).toContain("Returning to the IC track is a fine result, whenever in the plan it comes");
  });

  it("starts only once the team member records their own choice: the manager cannot tick it for them (R27)", () => {
    // "It's important that Engineering Managers self-select into that track and don't feel pressured."
    const byManager = [...plan, chosen].map((item) => tick("bob", item, "2026-01-28T10:00:00Z"));
    const p = planAt(walk, byManager, "2026-01-28T12:00:00Z");
    expect(p.stage).toBe("plan");
    const refusal = notesOf(p.actions).find((n) => n.template === "common/tick-refused")!;
    expect(refusal.data).toMatchObject({ item: chosen, by: "bob" });
    // The team member's own tick starts the trial.
    const own = [...byManager, tick("alice", chosen, "2026-01-28T11:00:00Z")];
    expect(planAt(walk, own, "2026-01-28T12:00:00Z").stage).toBe("education");
  });

  it("takes the check-in days from the config", () => {
    const config = Config.parse({ trial: { plan_days: 70, checkpoints: [20, 45, 70] } });
    const p = planAt({ ...walk, config }, planned, "2026-01-28T12:00:00Z");
    expect(checklistOf(p.actions)).toEqual(["Day 20 check-in held: continue, adjust the plan or opt out"]);
    expect(dueOf(p.actions)).toEqual({ kind: "due-date", date: "2026-02-22" });
    expect(Config.safeParse({ trial: { checkpoints: [30, 60] } }).success).toBe(false);
    expect(Config.safeParse({ trial: { checkpoints: [30, 60, 80] } }).success).toBe(false);
  });

  it("refuses an opt-out from someone else, and one with arguments", () => {
    const byEve = comment("eve", "/career opt-out", "2026-03-10T10:00:00Z");
    const withArgs = comment("bob", "/career opt-out now", "2026-03-10T11:00:00Z");
    const p = planAt(walk, [...planned, byEve, withArgs], "2026-03-10T12:00:00Z");
    expect(p.stage).toBe("education");
    expect(replyTo(p.actions, byEve)).toEqual({
      verdict: "refused",
      message: "Only the team member or manager (alice, bob) or people ops can use `/career opt-out`.",
    });
    expect(replyTo(p.actions, withArgs).message).toBe(
      "Usage: `/career opt-out` (expected 0 argument(s), got 1).",
    );
  });

  it("names every bad field of the data block", () => {
    const p = planAt(walk, [], "2026-01-27T08:00:00Z", {
      block: { ...block, start_date: "next monday", activities: "lots", track: "manager" },
    });
    const problems = problemsOf(p.actions).join("\n");
    expect(problems).toContain("start_date (is next monday): must be a real date written YYYY-MM-DD");
    expect(problems).toContain("activities (is lots): must be a YAML list");
    expect(problems).toContain("track: unknown field");
  });
});

describe("management trial: an overdue check-in", () => {
  it("is reminded again every week until it is ticked, so the due date never goes blank", () => {
    const w = walker(walk);
    w.add(...planned);
    w.at("2026-01-28T12:00:00Z");
    const first = w.at("2026-03-04T08:00:00Z");
    expect(dueOf(first.actions)).toEqual({ kind: "due-date", date: "2026-03-11" });
    const again = w.at("2026-03-11T08:00:00Z");
    expect(notesOf(again.actions).map((n) => n.template)).toEqual(["management-trial/checkpoint"]);
  });
});

describe("management trial: the handbook's examples", () => {
  it("offers the page's three examples of trying management functions, word for word, in the plan", () => {
    const page = section(readSeed(), "### Trying the Management Track").replace(/\s+/g, " ");
    expect(page).toContain(
      `Examples include ${TRIAL_EXAMPLES.slice(0, 2).join(", ")}, or ${TRIAL_EXAMPLES[2]}.`,
    );
    const item = checklistOf(planAt(walk, [], "2026-01-27T08:00:00Z").actions)[1]!;
    for (const example of TRIAL_EXAMPLES) {
      expect(item).toContain(example.replace(" for an important deliverable", ""));
    }
  });
});

describe("management trial: offered to Senior and Staff Engineers", () => {
  const page =
    'the handbook offers trying the management track to "Senior and Staff Engineers who want to consider moving into an available or upcoming manager role"';

  it("takes Senior or Staff, whatever the case, and shows the level", () => {
    for (const [written, level] of [
      ["Senior", "Senior"],
      ["staff", "Staff"],
      [" SENIOR ", "Senior"],
    ] as const) {
      const p = planAt(walk, [], "2026-01-27T08:00:00Z", { block: { ...block, level: written } });
      expect(p.stage, written).toBe("plan");
      expect(sectionOf(p.actions).summary[0], written).toBe(
        `Level: ${level} (the handbook offers the trial to Senior and Staff Engineers)`,
      );
    }
  });

  it("refuses any other level or a role title, naming the allowed values and the page's sentence", () => {
    for (const level of ["Intermediate", "Manager", "Senior Backend Engineer", "Principal"]) {
      const p = planAt(walk, [], "2026-01-27T08:00:00Z", { block: { ...block, level } });
      expect(labelsOf(p.actions), level).toEqual({
        kind: "labels",
        add: ["career-status::needs-info"],
        remove: [],
      });
      expect(problemsOf(p.actions), level).toEqual([
        `level (is ${level}): must be Senior or Staff (write the level alone, e.g. level: Senior for a Senior Backend Engineer); ${page}`,
      ]);
    }
  });

  it("asks for a missing level", () => {
    const { level: _, ...without } = block;
    const p = planAt(walk, [], "2026-01-27T08:00:00Z", { block: without });
    expect(problemsOf(p.actions)).toEqual([
      `level: is missing: add level: Senior or level: Staff to the details at the top of this issue; ${page}`,
    ]);
  });
});
