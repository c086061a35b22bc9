import { describe, expect, it } from "vitest";
import { onLoan } from "../../src/workflows/on-loan.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { labelsOf, planAt, problemsOf, type Walk } from "../workflows/helpers.js";

/* Issue 17 item 5f: the bot named as a person of the workflow is a data error, not a stuck workflow. */
const block = {
  team_member: "alice",
  manager: "bob",
  host_manager: "dave",
  host_team: "Gitaly",
  start_date: "2026-02-01",
  end_date: "2026-04-30",
};
const walk: Walk = {
  definition: onLoan as unknown as WorkflowDefinition,
  block,
  createdAt: "2026-01-25T09:00:00Z",
};

describe("the bot's own user as a person of the data block", () => {
  it("is refused as a data error naming the field, whatever the case", () => {
    const p = planAt(walk, [], "2026-01-26T08:00:00Z", { block: { ...block, host_manager: "Career-Bot" } });
    expect(problemsOf(p.actions)).toEqual([
      "host_manager (is Career-Bot): is the career bot's own user, which cannot act in a workflow; name the person who holds this role",
    ]);
    expect(labelsOf(p.actions)).toMatchObject({ add: ["career-status::needs-info"] });
  });

  it("leaves a block naming only people valid", () => {
    expect(problemsOf(planAt(walk, [], "2026-01-26T08:00:00Z").actions)).toEqual([]);
  });
});
