import { describe, expect, it } from "vitest";
import { TRANSFER_TABLE_NOTE } from "../../src/careers/transfers.js";
import { lateralTransfer } from "../../src/workflows/lateral-transfer.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { comment, tick } from "../support/snapshots.js";
import {
  dueOf,
  labelsOf,
  notesOf,
  planAt,
  problemsOf,
  renderNote,
  replyTo,
  sectionOf,
  templatesOf,
  type Walk,
  walker,
} from "./helpers.js";

const block = {
  team_member: "alice",
  manager: "bob",
  new_manager: "dave",
  current_role: "Senior Backend Engineer",
  target_role: "Support Engineer",
  transfer_date: "2026-03-01",
};
const walk: Walk = {
  definition: lateralTransfer as unknown as WorkflowDefinition,
  block,
  createdAt: "2026-01-20T09:00:00Z",
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
const applied = application.map((item) => tick("alice", item, "2026-02-01T10:00:00Z"));
const handedOver = transition.map((item) => tick("dave", item, "2026-03-02T10:00:00Z"));

describe("lateral transfer: decide", () => {
  it("walks application -> transition -> done for a move the table lists (at any level)", () => {
    const w = walker(walk);
    const start = w.at("2026-01-21T08:00:00Z");
    expect(start.stage).toBe("application");
    expect(notesOf(start.actions)).toEqual([]);
    expect(sectionOf(start.actions).summary[0]).toBe(
      "Move: Senior Backend Engineer to Support Engineer: listed in the Transfer Options table (Backend Engineer to Support Engineer)",
    );

    w.add(...applied);
    const moving = w.at("2026-02-01T12:00:00Z");
    expect(moving.stage).toBe("transition");
    expect(notesOf(moving.actions).map((n) => [n.template, n.mentions])).toEqual([
      ["lateral-transfer/transition", ["bob", "dave"]],
    ]);
    expect(dueOf(moving.actions)).toEqual({ kind: "due-date", date: "2026-03-01" });
    expect(templatesOf(w.at("2026-03-01T08:00:00Z").actions)).toEqual(["lateral-transfer/transfer-day"]);

    w.add(...handedOver);
    const done = w.at("2026-03-02T12:00:00Z");
    expect(done.stage).toBe("done");
    expect(labelsOf(done.actions)).toMatchObject({
      add: ["career-stage::done", "career-outcome::transferred"],
    });
    expect(done.actions).toContainEqual({ kind: "close" });
  });

  it("warns once, quoting the handbook, about a move the table does not list, and carries on", () => {
    const w = walker(walk);
    const unlisted = { ...block, target_role: "Data Scientist" };
    const first = w.at("2026-01-21T08:00:00Z", { block: unlisted });
    expect(first.stage).toBe("application");
    expect(labelsOf(first.actions)).toEqual({
      kind: "labels",
      add: ["career-stage::application"],
      remove: [],
    });
    const warning = notesOf(first.actions).find((n) => n.template === "common/warning")!;
    expect(String(warning.data.warning)).toContain(
      "Senior Backend Engineer to Data Scientist is not in the handbook's Transfer Options table",
    );
    expect(String(warning.data.warning)).toContain(TRANSFER_TABLE_NOTE);
    expect(notesOf(w.at("2026-01-22T08:00:00Z", { block: unlisted }).actions)).toEqual([]);
  });

  it("renders the roles people wrote only as escaped text", () => {
    const hostile = { ...block, target_role: "/close @all <!-- career-bot:note key=x -->" };
    const p = planAt(walk, [], "2026-01-21T08:00:00Z", { block: hostile });
    const body = renderNote(notesOf(p.actions).find((n) => n.template === "common/warning")!);
    expect(body).toContain("The move from Senior Backend Engineer to");
    expect(body).not.toMatch(/^\s*\//m);
    expect(body).not.toContain("@all");
    expect(body).not.toContain("<!--");
  });

  it("takes a move between backend teams as listed", () => {
    const teams = { ...block, current_role: "Backend Engineer, Gitaly", target_role: "Verify" };
    const p = planAt(walk, [], "2026-01-21T08:00:00Z", { block: teams });
    expect(templatesOf(p.actions)).not.toContain("common/warning");
    expect(sectionOf(p.actions).summary[0]).toContain("a move between backend teams (Gitaly to Verify)");
  });

  it("refuses a withdrawal by the new manager and accepts one by the team member", () => {
    const byNew = comment("dave", "/career withdraw", "2026-01-25T10:00:00Z");
    const byAlice = comment("alice", "/career withdraw", "2026-01-26T10:00:00Z");
    const p = planAt(walk, [byNew], "2026-01-25T12:00:00Z");
    expect(replyTo(p.actions, byNew)).toEqual({
      verdict: "refused",
      message: "Only the team member or manager (alice, bob) or people ops can use `/career withdraw`.",
    });
    expect(p.stage).toBe("application");
    const q = planAt(walk, [byNew, byAlice], "2026-01-26T12:00:00Z");
    expect(labelsOf(q.actions)).toMatchObject({ add: ["career-stage::done", "career-outcome::withdrawn"] });
  });

  it("names every bad field of the data block", () => {
    const p = planAt(walk, [], "2026-01-21T08:00:00Z", {
      block: { ...block, transfer_date: "2026-02-29", new_manager: "not a user!", salary: 1 },
    });
    const problems = problemsOf(p.actions).join("\n");
    expect(problems).toContain("transfer_date (is 2026-02-29): must be a real date");
    expect(problems).toContain("new_manager (is not a user!): must be a GitLab username");
    expect(problems).toContain("salary: unknown field");
    const same = planAt(walk, [], "2026-01-21T08:00:00Z", {
      block: { ...block, target_role: "senior backend engineer" },
    });
    expect(problemsOf(same.actions)).toEqual([
      "target_role (is senior backend engineer): is the same as current_role; a lateral transfer moves to another role or team",
    ]);
  });
});
