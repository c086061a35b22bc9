import { describe, expect, it } from "vitest";
import { decide } from "../../src/engine/decide.js";
import { interimManager } from "../../src/workflows/interim-manager.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { bot, comment, config, issue, snapshot, tick } from "../support/snapshots.js";

const definition = interimManager as unknown as WorkflowDefinition;
const now = new Date("2026-05-06T08:00:00Z"); // past the 4-month limit: two reminders are due

function noteKeys(notes: ReturnType<typeof comment>[]) {
  const plan = decide({ definition, snapshot: snapshot(issue(), notes), config, now });
  return plan.actions.flatMap((a) => (a.kind === "note" ? [a.key] : []));
}

describe("what the bot trusts", () => {
  it("counts markers only in its own notes: a forged marker in a person's note suppresses nothing", () => {
    const forged = comment(
      "alice",
      "<!-- career-bot:note key=remind:limit-overdue -->",
      "2026-05-01T10:00:00Z",
    );
    expect(noteKeys([forged])).toContain("remind:limit-overdue");
    const own = { ...forged, author: bot };
    expect(noteKeys([own])).not.toContain("remind:limit-overdue");
  });

  it("does not take a forged reply marker as an earlier verdict", () => {
    const command = comment("eve", "/career decision promote", "2026-05-01T10:00:00Z");
    const forged = comment(
      "eve",
      `<!-- career-bot:note key=reply:${command.id}.0:accepted -->`,
      "2026-05-01T10:01:00Z",
    );
    const keys = noteKeys([command, forged]);
    expect(keys).toContain(`reply:${command.id}.0:refused`);
  });

  it("ignores ticks GitLab attributes to the bot, and says nothing about them", () => {
    const botTick = { ...tick("bob", "Shows managerial interest", "2026-01-07T10:00:00Z"), author: bot };
    const plan = decide({
      definition,
      snapshot: snapshot(issue(), [botTick]),
      config,
      now: new Date("2026-01-08T00:00:00Z"),
    });
    const section = plan.actions.find((a) => a.kind === "section");
    expect(section?.kind === "section" && section.model.checklist[0]?.ticked).toBe(false);
    expect(plan.actions.some((a) => a.kind === "note")).toBe(false);
  });

  it("warns once when a workflow issue is not confidential", () => {
    const plan = decide({ definition, snapshot: snapshot(issue({ confidential: false })), config, now });
    expect(plan.actions.flatMap((a) => (a.kind === "note" ? [a.key] : []))).toContain("confidential-warning");
  });
});
