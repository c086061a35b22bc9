import { describe, expect, it } from "vitest";
import type { Action } from "../../src/engine/actions.js";
import { type DashboardState, KEPT_REFUSALS } from "../../src/engine/dashboard-state.js";
import { decide } from "../../src/engine/decide.js";
import { definition, stateOf, withSection } from "../dashboard/content-fixtures.js";
import { comment, config, issue, snapshot, yamlBlock } from "../support/snapshots.js";

const interimManager = definition("interim-manager");

/** A data block the interim workflow cannot read (no team member), so the workflow pauses. */
const BROKEN = yamlBlock({ manager: "bob", interim_start_date: "2026-01-05" });

function pausedState(
  before: DashboardState | undefined,
  notes: ReturnType<typeof comment>[],
  timezone = config.timezone,
) {
  const paused = issue({
    labels: [interimManager.label, "career-status::needs-info"],
    description: withSection(BROKEN, before),
  });
  const plan = decide({
    definition: interimManager,
    snapshot: snapshot(paused, notes),
    config: { ...config, timezone },
    now: new Date("2026-03-06T09:00:00Z"),
  });
  const section = plan.actions.find((a): a is Extract<Action, { kind: "section" }> => a.kind === "section");
  return section?.model.state;
}

describe("refusals while a workflow is paused for its data block", () => {
  const earlier = { day: "2026-03-01", verb: "approve", by: "eve" };

  it("keeps the refusals the bot recorded before the pause", () => {
    const before = stateOf("interim-manager", { stage: "eligibility", refused: [earlier] });
    expect(pausedState(before, [])?.refused).toEqual([earlier]);
  });

  it("adds the commands refused during the pause, dated by their comments", () => {
    const before = stateOf("interim-manager", { stage: "eligibility", refused: [earlier] });
    const during = comment("bob", "/career decision promote", "2026-03-05T10:00:00Z");
    const help = comment("bob", "/career help", "2026-03-05T11:00:00Z");
    expect(pausedState(before, [during, help])?.refused).toEqual([
      earlier,
      { day: "2026-03-05", verb: "decision", by: "bob" },
    ]);
    expect(pausedState(undefined, [during])?.refused).toEqual([
      { day: "2026-03-05", verb: "decision", by: "bob" },
    ]);
  });

  it("dates a refusal by its comment's day in the config's time zone", () => {
    const during = comment("bob", "/career decision promote", "2026-03-05T03:00:00Z");
    expect(pausedState(undefined, [during], "America/Los_Angeles")?.refused).toEqual([
      { day: "2026-03-04", verb: "decision", by: "bob" },
    ]);
  });

  it("keeps only the last few, and an entry already kept only once", () => {
    const kept = [
      { day: "2026-02-01", verb: "approve", by: "eve" },
      { day: "2026-02-02", verb: "approve", by: "eve" },
      { day: "2026-03-05", verb: "decision", by: "bob" },
    ];
    const before = stateOf("interim-manager", { stage: "eligibility", refused: kept });
    const again = comment("bob", "/career decision promote", "2026-03-05T10:00:00Z");
    expect(pausedState(before, [again])?.refused).toEqual(kept);
    const newer = comment("carol", "/career decision promote", "2026-03-06T08:00:00Z");
    expect(pausedState(before, [again, newer])?.refused).toEqual([
      ...kept.slice(1),
      { day: "2026-03-06", verb: "decision", by: "carol" },
    ]);
    expect(pausedState(before, [again, newer])?.refused).toHaveLength(KEPT_REFUSALS);
  });
});
