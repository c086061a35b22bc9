import { describe, expect, it } from "vitest";
import { Config } from "../../src/config/schema.js";
import { POSITION_ITEM, promotion } from "../../src/workflows/promotion.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { comment, tick } from "../support/snapshots.js";
import {
  checklistOf,
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
  current_role: "Senior Backend Engineer",
  target_role: "Staff Backend Engineer",
  position_of_need: "Staff role in Verify, requisition 1234",
};
const definition = promotion as unknown as WorkflowDefinition;
const walk: Walk = {
  definition,
  block,
  createdAt: "2026-01-20T09:00:00Z",
  config: Config.parse({ people_ops: ["carol"] }),
};

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
const ticks = [
  ...coaching.map((item) => tick("bob", item, "2026-02-10T10:00:00Z")),
  ...documentItems.map((item, i) => tick(i === 0 ? "alice" : "bob", item, "2026-03-10T10:00:00Z")),
];

describe("promotion: decide", () => {
  it("walks coaching -> document -> review -> done, decided by people ops", () => {
    const w = walker(walk);
    const start = w.at("2026-01-21T08:00:00Z");
    expect(start.stage).toBe("coaching");
    expect(checklistOf(start.actions)).toEqual(coaching);
    expect(sectionOf(start.actions).summary[0]).toBe(
      "Move: Senior Backend Engineer to Staff Backend Engineer, based on merit and company need",
    );
    expect(notesOf(start.actions)).toEqual([]);

    w.add(...ticks.slice(0, 3));
    const document = w.at("2026-02-10T12:00:00Z");
    expect(document.stage).toBe("document");
    expect(notesOf(document.actions).map((n) => [n.template, n.mentions])).toEqual([
      ["promotion/document", ["alice", "bob"]],
    ]);

    w.add(...ticks.slice(3));
    const review = w.at("2026-03-10T12:00:00Z");
    expect(review.stage).toBe("review");
    expect(notesOf(review.actions).map((n) => [n.template, n.mentions])).toEqual([
      ["promotion/review", ["carol", "bob"]],
    ]);

    const decision = comment("carol", "/career decision approved", "2026-03-20T10:00:00Z");
    w.add(decision);
    const done = w.at("2026-03-20T12:00:00Z");
    expect(replyTo(done.actions, decision).verdict).toBe("accepted");
    expect(done.stage).toBe("done");
    expect(labelsOf(done.actions)).toMatchObject({ add: ["career-stage::done", "career-outcome::promoted"] });
    expect(templatesOf(done.actions)).toContain("promotion/done");
    expect(done.actions).toContainEqual({ kind: "close" });
  });

  it("the document stage asks for the promotion document, 360 feedback with peer reviews, and the People Ops process", () => {
    // "For these attributes we primarily rely on the experience of our managers and the 360 feedback
    // process (especially peer reviews)"; "their manager should follow the promotion process outlined by
    // People Ops"; "The promotion process documents what an engineer has already done".
    const p = planAt(walk, ticks.slice(0, 3), "2026-02-10T12:00:00Z");
    expect(p.stage).toBe("document");
    expect(checklistOf(p.actions)).toEqual(documentItems);
    const [written, feedback, submitted] = documentItems.map((item) => item.toLowerCase());
    expect(written).toContain("already done");
    expect(feedback).toContain("360 feedback");
    expect(feedback).toContain("peer reviews");
    expect(submitted).toContain("people ops promotion process");
  });

  it("ends declined on a declined decision", () => {
    const p = planAt(
      walk,
      [...ticks, comment("carol", "/career decision declined", "2026-03-20T10:00:00Z")],
      "2026-03-21T08:00:00Z",
    );
    expect(labelsOf(p.actions)).toMatchObject({ add: ["career-stage::done", "career-outcome::declined"] });
  });

  it("asks for no position of need on a merit move", () => {
    const merit = {
      team_member: "alice",
      manager: "bob",
      current_role: "Intermediate Backend Engineer",
      target_role: "Senior Backend Engineer",
    };
    const p = planAt(walk, [], "2026-01-21T08:00:00Z", { block: merit });
    expect(p.stage).toBe("coaching");
    expect(checklistOf(p.actions)).toEqual(coaching.slice(0, 2));
    expect(sectionOf(p.actions).summary[0]).toContain("based on merit");
  });

  it("accepts Product Designer -> Product Design Manager: roles other than Engineer need not pass through Senior", () => {
    const designer = {
      team_member: "alice",
      manager: "bob",
      current_role: "Product Designer",
      target_role: "Product Design Manager",
      position_of_need: "Product Design Manager for Plan, requisition 77",
    };
    const p = planAt(walk, [], "2026-01-21T08:00:00Z", { block: designer });
    expect(problemsOf(p.actions)).toEqual([]);
    expect(p.stage).toBe("coaching");
    expect(checklistOf(p.actions)).toEqual(coaching);
    expect(sectionOf(p.actions).summary[0]).toBe(
      "Move: Product Designer to Product Design Manager, based on merit and company need",
    );
    // Skipping Senior does not skip the position of need the manager role asks for.
    const { position_of_need: _, ...noPosition } = designer;
    const without = planAt(walk, [], "2026-01-21T08:00:00Z", { block: noPosition });
    expect(problemsOf(without.actions)[0]).toMatch(/^position_of_need: is required/);
  });

  it("accepts Product Designer -> Staff Product Designer: Senior is optional on every non-Engineer ladder, Staff too", () => {
    const designer = {
      team_member: "alice",
      manager: "bob",
      current_role: "Product Designer",
      target_role: "Staff Product Designer",
      position_of_need: "Staff Product Designer for Plan, requisition 78",
    };
    const p = planAt(walk, [], "2026-01-21T08:00:00Z", { block: designer });
    expect(problemsOf(p.actions)).toEqual([]);
    expect(p.stage).toBe("coaching");
    expect(sectionOf(p.actions).summary[0]).toBe(
      "Move: Product Designer to Staff Product Designer, based on merit and company need",
    );
  });

  it("keeps the Engineer path through Senior: Intermediate Backend Engineer -> Backend Engineering Manager is refused", () => {
    const p = planAt(walk, [], "2026-01-21T08:00:00Z", {
      block: {
        ...block,
        current_role: "Intermediate Backend Engineer",
        target_role: "Backend Engineering Manager",
      },
    });
    expect(problemsOf(p.actions)).toEqual([
      "target_role (is Backend Engineering Manager): is not a next role of Intermediate Backend Engineer; the valid next roles are: Senior Backend Engineer (merit)",
    ]);
  });

  it("refuses the decision from the manager: people ops only", () => {
    const byManager = comment("bob", "/career decision approved", "2026-03-20T10:00:00Z");
    const p = planAt(walk, [...ticks, byManager], "2026-03-20T12:00:00Z");
    expect(p.stage).toBe("review");
    expect(replyTo(p.actions, byManager)).toEqual({
      verdict: "refused",
      message: "Only people ops (carol) can use `/career decision`.",
    });
  });

  it("warns once when no people ops user is configured", () => {
    const w = walker({ ...walk, config: Config.parse({}) });
    const first = w.at("2026-01-21T08:00:00Z");
    const warning = notesOf(first.actions).find((n) => n.template === "common/warning")!;
    // Text 10: addressed to whoever runs the careers project, without a handbook link that has nothing to do with it.
    const text = renderNote(warning);
    expect(text).toContain(
      "For whoever runs this careers project: no people_ops user is set in .gitlab/career-bot.yml, so nobody can record the decision on this promotion (only people ops may). Add the People Ops usernames under people_ops in that file.",
    );
    expect(text).not.toContain("The handbook section this follows");
    expect(notesOf(w.at("2026-01-22T08:00:00Z").actions)).toEqual([]);
  });

  it("lists the valid next roles when the target is not one", () => {
    const p = planAt(walk, [], "2026-01-21T08:00:00Z", {
      block: { ...block, target_role: "Distinguished Engineer" },
    });
    expect(labelsOf(p.actions)).toEqual({ kind: "labels", add: ["career-status::needs-info"], remove: [] });
    expect(problemsOf(p.actions)).toEqual([
      "target_role (is Distinguished Engineer): is not a next role of Senior Backend Engineer; the valid next roles are: " +
        "Staff Backend Engineer in Development (merit and company need); Backend Engineering Manager (merit and company need); " +
        "Staff Backend Engineer in Infrastructure (merit and company need); Engineering Manager (merit and company need)",
    ]);
    const narrowed = planAt(walk, [], "2026-01-21T08:00:00Z", {
      block: { ...block, target_role: "Distinguished Engineer", department: "Development" },
    });
    expect(problemsOf(narrowed.actions)[0]).toMatch(
      /valid next roles are: Staff Backend Engineer \(merit and company need\); Backend Engineering Manager \(merit and company need\)$/,
    );
  });

  it("a role outside the page's ladders: names the departments they cover and points to the People Ops process (text 4)", () => {
    const p = planAt(walk, [], "2026-01-21T08:00:00Z", {
      block: { ...block, current_role: "Account Executive", target_role: "Senior Account Executive" },
    });
    expect(problemsOf(p.actions)).toEqual([
      "current_role (is Account Executive): is not in the handbook page's career ladders, which cover Development, Security, Quality, Support, UX, Infrastructure. Write a role of theirs as the Roles graphs name it (Senior Backend Engineer); for any other role, follow the People Ops promotion process: https://handbook.gitlab.com/handbook/people-group/promotions-transfers/",
    ]);
  });

  it("names every bad field of the data block", () => {
    const { position_of_need: _, ...noPosition } = block;
    const p = planAt(walk, [], "2026-01-21T08:00:00Z", { block: noPosition });
    expect(problemsOf(p.actions)).toEqual([
      "position_of_need: is required: the move from Senior Backend Engineer to Staff Backend Engineer is based on merit and company need, so name the open position (its requisition or a link)",
    ]);
    const unknown = planAt(walk, [], "2026-01-21T08:00:00Z", { block: { ...block, current_role: "Wizard" } });
    expect(problemsOf(unknown.actions)[0]).toContain(
      "current_role (is Wizard): is not in the handbook page's career ladders",
    );
    const shape = planAt(walk, [], "2026-01-21T08:00:00Z", {
      block: { ...block, manager: "b o b", level: 3, target_role: [1] },
    });
    const problems = problemsOf(shape.actions).join("\n");
    expect(problems).toContain("manager (is b o b): must be a GitLab username");
    expect(problems).toContain("target_role");
    expect(problems).toContain("level: unknown field");
  });
});
