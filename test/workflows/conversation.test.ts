import { describe, expect, it } from "vitest";
import { conversation, conversationItem } from "../../src/workflows/conversation.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { comment, tick } from "../support/snapshots.js";
import {
  checklistOf,
  dueOf,
  labelsOf,
  notesOf,
  planAt,
  problemsOf,
  replyTo,
  sectionOf,
  templatesOf,
  type Walk,
  walker,
} from "./helpers.js";

const block = { manager: "bob", reports: ["alice", "dave"], quarter: "2026-Q1" };
const walk: Walk = {
  definition: conversation as unknown as WorkflowDefinition,
  block,
  createdAt: "2026-01-05T06:00:00Z",
};

describe("career conversations: decide", () => {
  it("walks one item per report to completed, reminding the manager before the quarter ends", () => {
    const w = walker(walk);
    const start = w.at("2026-01-05T06:05:00Z");
    expect(start.stage).toBe("conversations");
    expect(checklistOf(start.actions)).toEqual([
      "Career development conversation held with alice",
      "Career development conversation held with dave",
    ]);
    expect(sectionOf(start.actions).summary).toEqual([
      "Quarter: 2026-Q1, until 2026-03-31",
      "Reports: alice, dave",
    ]);
    expect(dueOf(start.actions)).toEqual({ kind: "due-date", date: "2026-03-17" });

    w.add(tick("bob", conversationItem("alice"), "2026-02-10T10:00:00Z"));
    expect(w.at("2026-02-10T12:00:00Z").stage).toBe("conversations");

    const reminder = w.at("2026-03-17T06:00:00Z");
    expect(notesOf(reminder.actions).map((n) => [n.template, n.mentions])).toEqual([
      ["conversation/quarter-end", ["bob"]],
    ]);
    expect(dueOf(reminder.actions)).toEqual({ kind: "due-date", date: "2026-04-01" });

    // A report's own tick does not count: the manager holds the conversation and ticks it.
    // GitLab's ids grow with time: this tick comes after the bot's notes the walk has posted so far.
    w.add({ ...tick("dave", conversationItem("dave"), "2026-03-20T10:00:00Z"), id: 99_000 });
    const own = w.at("2026-03-20T11:00:00Z");
    expect(own.stage).toBe("conversations");
    expect(templatesOf(own.actions)).toEqual(["common/tick-refused"]);
    w.add({ ...tick("bob", conversationItem("dave"), "2026-03-20T11:30:00Z"), id: 99_500 });
    const done = w.at("2026-03-20T12:00:00Z");
    expect(done.stage).toBe("done");
    expect(labelsOf(done.actions)).toMatchObject({
      add: ["career-stage::done", "career-outcome::completed"],
    });
    expect(templatesOf(done.actions)).toEqual(["conversation/done"]);
    expect(done.actions).toContainEqual({ kind: "close" });
  });

  it("ends incomplete when the quarter is over", () => {
    const p = planAt(
      walk,
      [tick("bob", conversationItem("alice"), "2026-02-10T10:00:00Z")],
      "2026-04-01T06:00:00Z",
    );
    expect(labelsOf(p.actions)).toMatchObject({ add: ["career-stage::done", "career-outcome::incomplete"] });
  });

  it("refuses a command the workflow does not have, and a tick by someone not named", () => {
    const extend = comment("bob", "/career extend 2026-04-15", "2026-02-01T10:00:00Z");
    const stranger = tick("eve", conversationItem("alice"), "2026-02-01T11:00:00Z");
    const p = planAt(walk, [extend, stranger], "2026-02-01T12:00:00Z");
    expect(replyTo(p.actions, extend)).toEqual({
      verdict: "refused",
      message:
        "`extend` is not a command of the Career conversations workflow. Commands: help, status, confirm.",
    });
    expect(templatesOf(p.actions)).toContain("common/tick-refused");
    expect(sectionOf(p.actions).checklist[0]).toMatchObject({
      ticked: true,
      note: "· ticked by eve, which does not count",
    });
  });

  it("names every bad field of the data block", () => {
    const p = planAt(walk, [], "2026-01-05T06:05:00Z", {
      block: { manager: "bob", reports: [], quarter: "2026-Q5", team_member: "alice" },
    });
    const problems = problemsOf(p.actions).join("\n");
    expect(problems).toContain("reports (is []): must list at least one report");
    expect(problems).toContain("quarter (is 2026-Q5): must be a quarter written YYYY-Qn");
    expect(problems).toContain("team_member: unknown field");
    const twice = planAt(walk, [], "2026-01-05T06:05:00Z", {
      block: { ...block, reports: ["alice", "Alice"] },
    });
    expect(problemsOf(twice.actions)).toEqual([
      "reports (is Alice): names the same person twice; list each report once",
    ]);
  });
});
