import { describe, expect, it } from "vitest";
import { labelCatalogue } from "../../src/setup/labels.js";
import { workflows } from "../../src/workflows/index.js";

describe("the label catalogue of SPEC section 3", () => {
  const labels = labelCatalogue(workflows);
  const names = labels.map((label) => label.name);

  it("has every workflow, stage and outcome label of the definitions and both statuses, once each", () => {
    for (const workflow of workflows) {
      expect(names).toContain(workflow.label);
      for (const stage of workflow.stages) expect(names).toContain(`career-stage::${stage.id}`);
      for (const t of workflow.transitions)
        if (t.outcome) expect(names).toContain(`career-outcome::${t.outcome}`);
    }
    expect(names).toEqual(expect.arrayContaining(["career-status::needs-info", "career-status::overdue"]));
    expect(names).toEqual(
      expect.arrayContaining(["career-outcome::promoted", "career-outcome::not-required"]),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it("gives each a color and a short description", () => {
    for (const label of labels) {
      expect(label.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(label.description.length).toBeGreaterThan(10);
      expect(label.description.length).toBeLessThanOrEqual(255);
    }
    const stage = labels.find((label) => label.name === "career-stage::hire-review");
    expect(stage?.description).toContain("Interim manager");
  });
});
