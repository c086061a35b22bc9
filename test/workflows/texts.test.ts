import { describe, expect, it } from "vitest";
import { Renderer } from "../../src/engine/render.js";
import { workflows } from "../../src/workflows/index.js";
import { type comment, config, interimBlock, issue, snapshot, yamlBlock } from "../support/snapshots.js";

// Issue 10, "Texts people read": what people read agrees with the handbook page.
const renderer = new Renderer();
const guidanceOf = (workflowId: string, stageId: string) => {
  const workflow = workflows.find((w) => w.id === workflowId)!;
  const stage = workflow.stages.find((s) => s.id === stageId)!;
  return renderer.render(stage.guidance, {});
};

/** The stages during which each temporary role is held (not its eligibility check or its end). */
const TEMPORARY_ROLES: Record<string, string[]> = {
  "interim-manager": ["setup", "hiring", "criteria", "hire-review", "promotion-document"],
  "acting-manager": ["active", "return"],
  "on-loan": ["setup", "active"],
  apprenticeship: ["agreement", "active", "review"],
  "management-trial": ["plan", "education", "rhythm", "assessment"],
};

describe("temporary roles: what happens when it does not work out", () => {
  it("names every stage of the five workflows where the role is held", () => {
    for (const [workflowId, stageIds] of Object.entries(TEMPORARY_ROLES)) {
      const workflow = workflows.find((w) => w.id === workflowId)!;
      const held = workflow.stages.filter((s) => !s.final && s.id !== "eligibility").map((s) => s.id);
      expect(held, workflowId).toEqual(stageIds);
    }
  });

  for (const [workflowId, stageIds] of Object.entries(TEMPORARY_ROLES)) {
    it(`${workflowId}: the guidance says the person returns to their previous role, not a performance or termination matter`, () => {
      for (const stageId of stageIds) {
        const text = guidanceOf(workflowId, stageId).replace(/\s+/g, " ");
        const where = `${workflowId}/${stageId}`;
        expect(text, where).toContain("**If it does not work out.**");
        expect(text, where).toContain("poor performance against its duties does not result in termination");
        expect(text, where).toContain(
          "at worst, the team member returns to their prior responsibilities, their previous role",
        );
        expect(text, where).toContain("It is not a performance or termination matter");
        expect(text, where).toContain(
          "breach of their prior responsibilities or of the company's Code of Business Conduct & Ethics",
        );
      }
    });
  }
});
