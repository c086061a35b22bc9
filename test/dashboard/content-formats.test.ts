import { describe, expect, it } from "vitest";
import { buildDashboard } from "../../src/dashboard/build.js";
import { csvCell } from "../../src/dashboard/csv.js";
import { dashboardInput, stateOf, workflowIssue } from "./content-fixtures.js";

const open = [
  workflowIssue(
    stateOf("promotion", {
      member: "alice",
      actors: ["bob", "carol"],
      since: "2026-02-01",
      next: { label: "review", day: "2026-04-01" },
    }),
    { iid: 2, title: '=HYPERLINK("http://evil"), "quoted"' },
  ),
  workflowIssue(stateOf("on-loan"), { iid: 1, title: "line\nbreak" }),
];
const closed = [
  workflowIssue(stateOf("promotion", { stage: "done", outcome: "promoted" }), {
    iid: 3,
    state: "closed",
    closedAt: "2026-01-10T10:00:00Z",
  }),
];

describe("report --format csv", () => {
  const { csv } = buildDashboard(dashboardInput({ open, closed }));

  it("has a header and one row per workflow issue, CRLF-ended", () => {
    const records = csv.split("\r\n");
    expect(records.at(-1)).toBe("");
    expect(records[0]).toBe(
      "project_id,iid,url,workflow,state,title,team_member,stage,stage_since,next_checkpoint,next_checkpoint_day,acts_next,needs_info_since,overdue_since,outcome",
    );
    expect(records).toHaveLength(1 + 3 + 1);
    expect(records[1]).toMatch(/^7,1,/);
    expect(records[2]).toBe(
      `7,2,http://gitlab.test/org/careers/-/issues/2,promotion,opened,"'=HYPERLINK(""http://evil""), ""quoted""",alice,${stateOf("promotion").stage},2026-02-01,review,2026-04-01,bob carol,,,`,
    );
    expect(csv).toContain('"line\nbreak"');
  });

  it("quotes per RFC 4180 and neutralises formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    for (const start of ["=", "+", "-", "@"]) expect(csvCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
  });
});

describe("report --format json", () => {
  it("has the same parts as the page, and every workflow issue", () => {
    const json = buildDashboard(dashboardInput({ open, closed })).json as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      "today",
      "attention",
      "workflows",
      "gantt",
      "conversations",
      "outcomes",
    ]);
    const workflowsJson = json.workflows as {
      issue: { iid: number };
      state: string;
      member: string | null;
    }[];
    expect(workflowsJson.map((w) => [w.issue.iid, w.state])).toEqual([
      [1, "opened"],
      [2, "opened"],
      [3, "closed"],
    ]);
    expect(workflowsJson[1]).toMatchObject({
      member: "alice",
      stage: stateOf("promotion").stage,
      since: "2026-02-01",
      actsNext: ["bob", "carol"],
    });
  });
});
