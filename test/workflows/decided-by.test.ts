import { describe, expect, it } from "vitest";
import { Config } from "../../src/config/schema.js";
import { lateralTransfer } from "../../src/workflows/lateral-transfer.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { comment, tick } from "../support/snapshots.js";
import { sectionOf, walker } from "./helpers.js";

const walk = {
  definition: lateralTransfer as unknown as WorkflowDefinition,
  block: {
    team_member: "alice",
    manager: "bob",
    new_manager: "dave",
    current_role: "Backend Engineer",
    target_role: "Support Engineer",
  },
  createdAt: "2026-01-05T09:00:00Z",
  config: Config.parse({ people_ops: ["carol"] }),
};

const application = [
  "Told the current manager (or the People Business Partner) before applying",
  "Applied to the new role through Greenhouse",
  "Interviews and references completed",
  "Offer for the new role accepted",
];
const transition = [
  "Transfer date agreed between the current and the new manager",
  "Letter of adjustment signed",
  "BambooHR job information change request submitted",
  "New manager announced the transfer to the team",
  "Backfill and onboarding for the new role planned",
];

/** Who decided is kept in the state marker when the outcome is reached, for a person's history. */
describe("the state marker's decidedBy", () => {
  it("is whoever's tick completed the last checklist", () => {
    const w = walker(walk);
    w.add(...application.map((item) => tick("carol", item, "2026-01-10T10:00:00Z")));
    w.add(...transition.slice(0, -1).map((item) => tick("carol", item, "2026-02-10T10:00:00Z")));
    expect(sectionOf(w.at("2026-02-11T08:00:00Z").actions).state?.decidedBy).toBeUndefined();
    w.add(tick("dave", transition.at(-1)!, "2026-02-12T10:00:00Z"));
    const done = sectionOf(w.at("2026-02-13T08:00:00Z").actions).state;
    expect(done).toMatchObject({ outcome: "transferred", decidedBy: "dave" });
  });

  it("is the author of the accepted command that ended it", () => {
    const w = walker(walk);
    w.add(comment("bob", "/career withdraw", "2026-01-12T10:00:00Z"));
    expect(sectionOf(w.at("2026-01-13T08:00:00Z").actions).state).toMatchObject({
      outcome: "withdrawn",
      decidedBy: "bob",
    });
  });
});
