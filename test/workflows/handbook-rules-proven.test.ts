import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Config } from "../../src/config/schema.js";
import { actingManager, TALENT_REVIEW_ITEM } from "../../src/workflows/acting-manager.js";
import { apprenticeship } from "../../src/workflows/apprenticeship.js";
import { interimManager } from "../../src/workflows/interim-manager.js";
import { promotion } from "../../src/workflows/promotion.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { readSeed } from "../careers/seed.js";
import { INTERIM_ELIGIBILITY, INTERIM_SETUP, interimTicker } from "../support/interim-items.js";
import { comment, interimBlock, tick } from "../support/snapshots.js";
import { checklistOf, notesOf, planAt, problemsOf, replyTo, type Walk } from "./helpers.js";

/*
 * Rules of the handbook page that the bot kept but no test proved: each test here fails when the rule
 * is broken in the code (each was checked by breaking it: the mutation is named in the test's comment).
 */

const interim: Walk = {
  definition: interimManager as unknown as WorkflowDefinition,
  block: interimBlock,
  createdAt: "2026-01-05T08:00:00Z",
};

describe("interim manager", () => {
  // R38. Mutation: `>=` to `>` in hasPriorExperience (interim-manager-rules.ts).
  it("counts exactly 6 months of previous management as the table's (6+ months)", () => {
    const staff = { ...interimBlock, current_level: "Staff" };
    const exactly = planAt(interim, [], "2026-01-06T08:00:00Z", {
      block: { ...staff, previous_management_experience: 6 },
    });
    expect(exactly.stage).toBe("not-required");
    const short = planAt(interim, [], "2026-01-06T08:00:00Z", {
      block: { ...staff, previous_management_experience: 5 },
    });
    expect(short.stage).toBe("eligibility");
  });

  // R39. Mutation: the `tenureShort` condition dropped from the eligibility -> setup transition.
  it("holds eligibility on a short tenure even when every item is ticked", () => {
    const ticks = INTERIM_ELIGIBILITY.map((item) => tick(interimTicker(item), item, "2026-01-07T10:00:00Z"));
    const short = { ...interimBlock, company_start_date: "2025-09-01" };
    const p = planAt(interim, ticks, "2026-01-07T12:00:00Z", { block: short });
    expect(p.stage).toBe("eligibility");
    // The same ticks with the tenure met move on: the gate is the tenure, nothing else.
    expect(planAt(interim, ticks, "2026-01-07T12:00:00Z").stage).toBe("setup");
  });

  // R1. Mutation: the Director+ shortcut for a desired level above Director removed from `applicability`.
  it.each([
    ["Senior Manager", "Senior Director"],
    ["Manager", "VP"],
  ])(
    "asks for no interim from %s to %s: a Director+ position, though the current level is below Director",
    (current, desired) => {
      const p = planAt(interim, [], "2026-01-06T08:00:00Z", {
        block: { ...interimBlock, current_level: current, desired_level: desired },
      });
      expect(problemsOf(p.actions)).toEqual([]);
      expect(p.stage).toBe("not-required");
    },
  );

  // R7. Mutation: `manager` added to the roles of the `document` command.
  it("takes the promotion document from the interim manager only: the manager's is refused", () => {
    const ticks = [
      ...INTERIM_ELIGIBILITY.map((item) => tick(interimTicker(item), item, "2026-01-07T10:00:00Z")),
      ...INTERIM_SETUP.map((item) => tick("bob", item, "2026-01-08T10:00:00Z")),
    ];
    const hire = comment("alice", "/career hire @dave 2026-01-12", "2026-01-09T10:00:00Z");
    const review = comment("bob", "/career review successful", "2026-02-12T10:00:00Z");
    const byManager = comment("bob", "/career document https://docs.example.com/doc", "2026-02-13T10:00:00Z");
    const p = planAt(interim, [...ticks, hire, review, byManager], "2026-02-13T12:00:00Z");
    expect(p.stage).toBe("promotion-document");
    expect(replyTo(p.actions, byManager)).toEqual({
      verdict: "refused",
      message: "Only the team member (alice) or people ops can use `/career document`.",
    });
  });
});

describe("acting manager", () => {
  const acting: Walk = {
    definition: actingManager as unknown as WorkflowDefinition,
    block: {
      team_member: "alice",
      manager: "bob",
      company_start_date: "2025-03-01",
      start_date: "2026-02-01",
      end_date: "2026-05-02", // 90 days after the start
      reason: "coverage",
    },
    createdAt: "2026-01-20T09:00:00Z",
  };

  // R10. Mutation: `>` to `>=` in longAsPlanned / longAppointment (acting-manager-rules.ts).
  it("asks for a talent review only past the 90 days: exactly 90 needs none, 91 does", () => {
    const exactly = planAt(acting, [], "2026-01-21T08:00:00Z");
    expect(checklistOf(exactly.actions)).not.toContain(TALENT_REVIEW_ITEM);
    const longer = planAt(acting, [], "2026-01-21T08:00:00Z", {
      block: { ...acting.block, end_date: "2026-05-03" },
    });
    expect(checklistOf(longer.actions)).toContain(TALENT_REVIEW_ITEM);
  });
});

describe("promotion", () => {
  const walk: Walk = {
    definition: promotion as unknown as WorkflowDefinition,
    block: {
      team_member: "alice",
      manager: "bob",
      current_role: "Senior Backend Engineer",
      target_role: "Staff Backend Engineer",
      position_of_need: "Staff role in Verify, requisition 1234",
    },
    createdAt: "2026-01-20T09:00:00Z",
    config: Config.parse({ people_ops: ["carol"] }),
  };

  // R47. Mutation: any transition of the promotion gated on a day (onOrAfter) instead of people's steps.
  it("is not moved by time in role: years pass without a step, and the promotion stays where it was", () => {
    for (const now of ["2026-06-01T08:00:00Z", "2028-01-20T08:00:00Z"]) {
      const p = planAt(walk, [], now);
      expect(p.stage).toBe("coaching");
      expect(notesOf(p.actions).map((n) => n.template)).not.toContain("promotion/done");
    }
    const gates = promotion.transitions.flatMap((t) => t.when.map((g) => g.gate));
    expect(gates).not.toContain("onOrAfter");
  });
});

describe("apprenticeship", () => {
  const walk: Walk = {
    definition: apprenticeship as unknown as WorkflowDefinition,
    block: {
      team_member: "alice",
      manager: "bob",
      host_manager: "dave",
      host_department: "Security",
      time_percentage: 20,
      company_start_date: "2025-03-01",
      start_date: "2026-02-01",
      deliverables: ["Threat model for the runner"],
    },
    createdAt: "2026-01-20T09:00:00Z",
  };

  // R51. Mutations: the sentence dropped from the issue template; the first stage given to the apprentice.
  it("starts by speaking with your manager: the template says it, and the first stage is the manager's", () => {
    const sentence =
      "If you wish to apprentice with an Engineering team, start by speaking with your manager.";
    expect(readSeed().replace(/\s+/g, " ")).toContain(sentence);
    const template = readFileSync(
      new URL("../../.gitlab/issue_templates/Apprenticeship.md", import.meta.url),
      "utf8",
    );
    expect(template).toContain("Start by speaking with your manager.");
    const first = apprenticeship.stages[0]!;
    expect(first.actors).toEqual(["manager"]);
    // The apprentice cannot pass the first stage alone: their ticks do not count.
    const items = checklistOf(planAt(walk, [], "2026-01-21T08:00:00Z").actions);
    const ticks = items.map((item) => tick("alice", item, "2026-01-22T10:00:00Z"));
    expect(planAt(walk, ticks, "2026-01-22T12:00:00Z").stage).toBe("eligibility");
  });
});
