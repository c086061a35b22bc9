import { describe, expect, it } from "vitest";
import { LOAN_ITEMS, onLoan } from "../../src/workflows/on-loan.js";
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
  type Walk,
  walker,
} from "./helpers.js";

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
const setup = LOAN_ITEMS.map((item) => tick("dave", item, "2026-02-02T10:00:00Z"));

describe("on loan: decide", () => {
  it("walks setup -> on loan -> done, reminding everyone before the end", () => {
    const w = walker(walk);
    const start = w.at("2026-01-26T08:00:00Z");
    expect(start.stage).toBe("setup");
    expect(checklistOf(start.actions)).toEqual(LOAN_ITEMS);
    expect(notesOf(start.actions).map((n) => [n.template, n.mentions])).toEqual([
      ["on-loan/setup", ["dave"]],
    ]);
    expect(dueOf(start.actions)).toEqual({ kind: "due-date", date: "2026-04-16" });

    w.add(...setup);
    const active = w.at("2026-02-02T12:00:00Z");
    expect(active.stage).toBe("active");
    expect(notesOf(active.actions)).toEqual([]);

    const soon = w.at("2026-04-16T08:00:00Z");
    expect(notesOf(soon.actions).map((n) => [n.template, n.mentions])).toEqual([
      ["on-loan/end-soon", ["alice", "bob", "dave"]],
    ]);
    expect(dueOf(soon.actions)).toEqual({ kind: "due-date", date: "2026-04-30" });
    expect(notesOf(w.at("2026-04-17T08:00:00Z").actions)).toEqual([]);

    const done = w.at("2026-04-30T08:00:00Z");
    expect(done.stage).toBe("done");
    expect(labelsOf(done.actions)).toMatchObject({ add: ["career-stage::done", "career-outcome::returned"] });
    expect(done.actions).toContainEqual({ kind: "close" });
  });

  it("extends the loan: the end and its reminder move to the new date", () => {
    const w = walker(walk);
    w.add(...setup);
    w.at("2026-04-16T08:00:00Z");
    const extend = comment("dave", "/career extend 2026-06-30", "2026-04-20T10:00:00Z");
    w.add(extend);
    const extended = w.at("2026-04-20T12:00:00Z");
    expect(replyTo(extended.actions, extend).verdict).toBe("accepted");
    expect(dueOf(extended.actions)).toEqual({ kind: "due-date", date: "2026-06-16" });
    expect(w.at("2026-04-30T08:00:00Z").stage).toBe("active");
    expect(notesOf(w.at("2026-06-16T08:00:00Z").actions).map((n) => n.key)).toEqual([
      "remind:end-soon#2026-06-16",
    ]);
    expect(w.at("2026-06-30T08:00:00Z").stage).toBe("done");
  });

  it("refuses an extension by the team member on loan", () => {
    const extend = comment("alice", "/career extend 2026-06-30", "2026-03-01T10:00:00Z");
    const p = planAt(walk, [...setup, extend], "2026-03-01T12:00:00Z");
    expect(replyTo(p.actions, extend)).toEqual({
      verdict: "refused",
      message: "Only the manager or host manager (bob, dave) or people ops can use `/career extend`.",
    });
    expect(dueOf(p.actions)).toEqual({ kind: "due-date", date: "2026-04-16" });
  });

  it("names every bad field of the data block", () => {
    const p = planAt(walk, [], "2026-01-26T08:00:00Z", {
      block: { ...block, host_team: ["a", "b"], start_date: "01/02/2026", home: "x" },
    });
    const problems = problemsOf(p.actions).join("\n");
    expect(problems).toContain("host_team");
    expect(problems).toContain("start_date (is 01/02/2026): must be a real date written YYYY-MM-DD");
    expect(problems).toContain("home: unknown field");
    const q = planAt(walk, [], "2026-01-26T08:00:00Z", {
      block: { ...block, host_manager: "bob", end_date: "2026-02-01" },
    });
    expect(problemsOf(q.actions)).toEqual([
      "end_date (is 2026-02-01): must be after start_date (2026-02-01)",
      "host_manager (is bob): is the team member's own manager; name the manager of the team they are on loan to",
    ]);
  });
});
