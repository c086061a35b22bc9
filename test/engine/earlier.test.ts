import { describe, expect, it } from "vitest";
import { earlierLine, earlierWorkflows, MAX_EARLIER, startsWorkflow } from "../../src/engine/earlier.js";
import { stateOf, workflowIssue } from "../dashboard/content-fixtures.js";

const kept = [
  { iid: 3, title: "Interim manager", outcome: "promoted", day: "2026-02-21" },
  { iid: 7, title: "Promotion", stage: "Review", day: "2026-03-01" },
];

describe("the earlier workflows of a section", () => {
  it("are read back from the bot's state marker, in one key order, on a confidential issue", () => {
    const issue = workflowIssue(stateOf("promotion", { earlier: kept }), { confidential: true });
    expect(startsWorkflow(issue)).toBe(false);
    expect(earlierWorkflows(issue, undefined)).toEqual(kept);
    expect(earlierLine(earlierWorkflows(issue, undefined))).toBe(
      "Earlier: #3 Interim manager, promoted 2026-02-21; #7 Promotion, open (Review) since 2026-03-01",
    );
  });

  it("are neither shown nor kept once the issue is public", () => {
    const issue = workflowIssue(stateOf("promotion", { earlier: kept }), { confidential: false });
    expect(earlierWorkflows(issue, undefined)).toEqual([]);
    expect(earlierWorkflows(issue, kept)).toEqual([]);
    expect(startsWorkflow(workflowIssue(undefined, { confidential: false }))).toBe(false);
  });

  it("are listed only when the workflow starts: a confidential issue without a state marker", () => {
    expect(startsWorkflow(workflowIssue(undefined, { confidential: true }))).toBe(true);
    // A closed issue gets no section write, so no marker: it would list at every event.
    expect(startsWorkflow(workflowIssue(undefined, { confidential: true, state: "closed" }))).toBe(false);
  });

  it("drop an entry that does not check out (a title that is not the bot's), and keep the last few", () => {
    const forged = [{ iid: 1, title: "x](https://evil.example)", day: "2026-01-01" }, ...kept];
    const issue = workflowIssue(stateOf("promotion", { earlier: forged as never }), { confidential: true });
    expect(earlierWorkflows(issue, undefined)).toEqual(kept);
    const many = Array.from({ length: 8 }, (_, i) => ({
      iid: i + 1,
      title: "Promotion",
      outcome: "declined",
      day: "2026-01-01",
    }));
    expect(
      earlierWorkflows(workflowIssue(undefined, { confidential: true }), many).map((e) => e.iid),
    ).toEqual([4, 5, 6, 7, 8].slice(-MAX_EARLIER));
  });
});
