import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { readState } from "../../src/dashboard/state.js";
import type { Action } from "../../src/engine/actions.js";
import { stateMarker } from "../../src/engine/dashboard-state.js";
import { decide } from "../../src/engine/decide.js";
import { SECTION_BEGIN, SECTION_END } from "../../src/engine/markers.js";
import { comment, issue, people, snapshot, yamlBlock } from "../support/snapshots.js";
import {
  decidedState,
  definition,
  SAMPLE_DATA,
  stateOf,
  withSection,
  workflowIssue,
} from "./content-fixtures.js";

const interim = definition("interim-manager");

function sectionState(plan: { actions: Action[] }) {
  return plan.actions.find((a): a is Extract<Action, { kind: "section" }> => a.kind === "section")?.model
    .state;
}

describe("the state marker in the bot's section", () => {
  it("round-trips what decide computed", () => {
    const state = decidedState("interim-manager");
    expect(state).toMatchObject({
      workflow: "interim-manager",
      stage: "eligibility",
      since: "2026-01-05",
      actors: ["bob"],
      member: "alice",
      period: { start: "2026-01-05", limit: "2026-05-05" },
      next: { day: "2026-04-05" },
    });
    expect(readState(workflowIssue(state), interim)).toEqual(state);
  });

  it("is a base64url payload, so no person's text reaches it raw", () => {
    const marker = stateMarker(stateOf("interim-manager", { member: "alice" }));
    expect(marker).toMatch(/^<!-- career-bot:state [A-Za-z0-9_-]+ -->$/);
  });

  it("records refused commands with their day and verb, the last three only", () => {
    const fresh = issue({ description: yamlBlock(SAMPLE_DATA["interim-manager"]!) });
    const notes = ["hire", "review", "document", "decision"].map((verb, i) =>
      comment("eve", `/career ${verb}`, `2026-01-0${6 + i}T10:00:00Z`),
    );
    const plan = decide({
      definition: interim,
      snapshot: snapshot(fresh, notes, people),
      config: defaultConfig(),
      now: new Date("2026-01-10T09:00:00Z"),
    });
    expect(sectionState(plan)?.refused).toEqual([
      { day: "2026-01-07", verb: "review", by: "eve" },
      { day: "2026-01-08", verb: "document", by: "eve" },
      { day: "2026-01-09", verb: "decision", by: "eve" },
    ]);
  });

  it("records a refused verb that is not a plain word as unknown, so the marker still checks out", () => {
    const fresh = issue({ description: yamlBlock(SAMPLE_DATA["interim-manager"]!) });
    const plan = decide({
      definition: interim,
      snapshot: snapshot(fresh, [comment("eve", "/career h1re<b>", "2026-01-06T10:00:00Z")], people),
      config: defaultConfig(),
      now: new Date("2026-01-10T09:00:00Z"),
    });
    const state = sectionState(plan)!;
    expect(state.refused).toEqual([{ day: "2026-01-06", verb: "unknown", by: "eve" }]);
    expect(readState(workflowIssue(state), interim)).toEqual(state);
  });

  it("keeps the day the data block first needed fixing", () => {
    const broken = yamlBlock({ ...SAMPLE_DATA["interim-manager"], company_start_date: "soon" });
    const run = (description: string, today: string) =>
      sectionState(
        decide({
          definition: interim,
          snapshot: snapshot(issue({ description }), [], people),
          config: defaultConfig(),
          now: new Date(`${today}T09:00:00Z`),
        }),
      );
    const first = run(broken, "2026-01-06");
    expect(first?.needsInfo).toBe("2026-01-06");
    const later = run(withSection(broken, first), "2026-01-09");
    expect(later?.needsInfo).toBe("2026-01-06");
  });

  it("falls back to nothing for an old section without a marker, or garbage", () => {
    expect(readState(workflowIssue(undefined), interim)).toBeUndefined();
    const garbage = `${SECTION_BEGIN}\nx\n<!-- career-bot:state bm90IGpzb24 -->\n${SECTION_END}`;
    expect(readState(workflowIssue(undefined, { description: garbage }), interim)).toBeUndefined();
    const wrongShape = `${SECTION_BEGIN}\nx\n${stateMarker({ ...stateOf("interim-manager"), since: "yesterday" })}\n${SECTION_END}`;
    expect(readState(workflowIssue(undefined, { description: wrongShape }), interim)).toBeUndefined();
  });
});

describe("a forged state marker", () => {
  const forged = stateMarker(stateOf("interim-manager", { stage: "done", outcome: "promoted" }));

  it("counts nowhere outside the bot's section", () => {
    const real = stateOf("interim-manager", { stage: "eligibility" });
    const text = withSection(`${forged}\n\`\`\`yaml career\nteam_member: alice\n\`\`\``, real);
    expect(readState(workflowIssue(real, { description: text }), interim)?.stage).toBe("eligibility");
    const noSection = workflowIssue(undefined, { description: `${forged}\n${SECTION_END}` });
    expect(readState(noSection, interim)).toBeUndefined();
  });

  it("does not count in a region around a person's data block, nor away from the section's end", () => {
    const aroundBlock = `${SECTION_BEGIN}\n\`\`\`yaml career\nteam_member: alice\n\`\`\`\n${forged}\n${SECTION_END}`;
    expect(readState(workflowIssue(undefined, { description: aroundBlock }), interim)).toBeUndefined();
    const notLast = `${SECTION_BEGIN}\n${forged}\nmore text\n${SECTION_END}`;
    expect(readState(workflowIssue(undefined, { description: notLast }), interim)).toBeUndefined();
  });

  it("does not count when a person pasted a whole section, marker and all, above the bot's", () => {
    const real = stateOf("interim-manager", { stage: "eligibility" });
    // The same stage as the label, so only the count of sections can tell the forgery.
    const lie = stateMarker(stateOf("interim-manager", { stage: "eligibility", member: "mallory" }));
    const fake = `${SECTION_BEGIN}\n${lie}\n${SECTION_END}`;
    const text = withSection("```yaml career\nteam_member: alice\n```", real);
    expect(readState(workflowIssue(real, { description: text }), interim)?.stage).toBe("eligibility");
    const pasted = workflowIssue(real, { description: `${fake}\n\n${text}` });
    expect(readState(pasted, interim)).toBeUndefined();
  });

  it("does not count for another workflow, an unknown stage, or a stage its label contradicts", () => {
    const acting = stateOf("acting-manager");
    expect(readState(workflowIssue(acting, { workflow: "interim-manager" }), interim)).toBeUndefined();
    const unknown = stateOf("interim-manager", { stage: "nowhere" });
    expect(readState(workflowIssue(unknown), interim)).toBeUndefined();
    const state = stateOf("interim-manager", { stage: "done" });
    const relabelled = workflowIssue(state, { labels: [interim.label, "career-stage::eligibility"] });
    expect(readState(relabelled, interim)).toBeUndefined();
  });
});
