import { describe, expect, it } from "vitest";
import { dayProblem, parseDay } from "../../src/engine/dates.js";
import { onLoan } from "../../src/workflows/on-loan.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { comment } from "../support/snapshots.js";
import { notesOf, planAt, problemsOf, replyTo, type Walk, walker } from "./helpers.js";

/*
 * Issue 17 item 5c: a date in year 9999 made the bot say "overdue" with a broken date (+010000-...)
 * and a mention. A date outside the sane years is a data error that says what to write instead.
 */
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

describe("dates outside the sane years", () => {
  it("are a data error naming the field, with no reminder, overdue note or mention", () => {
    const p = planAt(walk, [], "2026-02-02T08:00:00Z", { block: { ...block, end_date: "9999-12-31" } });
    expect(problemsOf(p.actions)).toEqual([
      "end_date (is 9999-12-31): must be a date from 1900 to 2199: write the day actually planned (a far-off placeholder such as 9999-12-31 is not one)",
    ]);
    expect(JSON.stringify(p.actions)).not.toMatch(/\+0\d{5}|"overdue":true|due-date/);
    expect(notesOf(p.actions).flatMap((note) => note.mentions)).toEqual([]);
  });

  it("are refused as the date of a command, saying the range", () => {
    const w = walker(walk);
    const extend = comment("dave", "/career extend 9999-12-31", "2026-04-20T10:00:00Z");
    w.add(extend);
    const reply = replyTo(w.at("2026-04-20T12:00:00Z").actions, extend);
    expect(reply.verdict).not.toBe("accepted");
    expect(reply.message).toContain("from 1900 to 2199");
  });

  it("end at the first and last sane years, and a typo stays a typo", () => {
    expect(parseDay("1900-01-01")).toBe("1900-01-01");
    expect(parseDay("2199-12-31")).toBe("2199-12-31");
    expect(parseDay("1899-12-31")).toBeUndefined();
    expect(parseDay("2200-01-01")).toBeUndefined();
    expect(dayProblem("0026-01-05")).toMatch(/from 1900 to 2199/);
    expect(dayProblem("2026-02-30")).toBe("must be a real date written YYYY-MM-DD");
  });
});
