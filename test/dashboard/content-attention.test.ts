import { describe, expect, it } from "vitest";
import { buildDashboard } from "../../src/dashboard/build.js";
import { bot, issue, people } from "../support/snapshots.js";
import { dashboardInput, stateOf, workflowIssue } from "./content-fixtures.js";

function attention(input: Parameters<typeof buildDashboard>[0]): string[] {
  const { markdown } = buildDashboard(input);
  const start = markdown.indexOf("## Needs attention");
  const end = markdown.indexOf("## Running workflows");
  return markdown
    .slice(start, end)
    .split("\n")
    .filter((l) => l.startsWith("- "));
}

describe("needs attention", () => {
  it("lists an appointment past its limit, waiting for who acts, since the limit's day", () => {
    const state = stateOf("interim-manager", {
      member: "alice",
      actors: ["bob"],
      period: { start: "2025-10-01", limit: "2026-02-01" },
    });
    expect(attention(dashboardInput({ open: [workflowIssue(state, { iid: 3 })] }))).toEqual([
      "- [#3](http://gitlab.test/org/careers/-/issues/3) Interim manager past its limit or planned end: waits for bob since 2026-02-01",
    ]);
  });

  it("does not list an appointment whose limit is still ahead, nor a closed one", () => {
    const ahead = stateOf("interim-manager", { period: { start: "2026-01-01", limit: "2026-05-01" } });
    const past = stateOf("acting-manager", { period: { start: "2025-01-01", end: "2025-06-01" } });
    const input = dashboardInput({
      open: [workflowIssue(ahead)],
      closed: [workflowIssue(past, { state: "closed" })],
    });
    expect(attention(input)).toEqual([]);
  });

  it("lists an issue whose data block needs fixing, waiting for its author", () => {
    const state = stateOf("promotion", { needsInfo: "2026-03-02" });
    const open = workflowIssue(state, { iid: 4, author: people.dave! });
    expect(attention(dashboardInput({ open: [open] }))).toEqual([
      "- [#4](http://gitlab.test/org/careers/-/issues/4) the data block needs fixing: waits for dave since 2026-03-02",
    ]);
  });

  it("on an issue the bot opened, waits for whom its state names, else its assignees, never the bot", () => {
    const conversation = workflowIssue(
      stateOf("conversation", { stage: "conversations", member: "bob", needsInfo: "2026-03-02" }),
      { iid: 5, author: bot },
    );
    const unnamed = workflowIssue(stateOf("promotion", { needsInfo: "2026-03-03" }), {
      iid: 7,
      author: bot,
      assignees: [people.eve!, people.carol!],
    });
    expect(attention(dashboardInput({ open: [conversation, unnamed] }))).toEqual([
      "- [#5](http://gitlab.test/org/careers/-/issues/5) the data block needs fixing: waits for bob since 2026-03-02",
      "- [#7](http://gitlab.test/org/careers/-/issues/7) the data block needs fixing: waits for carol, eve since 2026-03-03",
    ]);
  });

  it("lists commands refused in the last 7 days only", () => {
    const state = stateOf("promotion", {
      refused: [
        { day: "2026-03-03", verb: "approve", by: "eve" },
        { day: "2026-03-04", verb: "decision", by: "pat" },
      ],
    });
    expect(
      attention(dashboardInput({ open: [workflowIssue(state, { iid: 6 })], today: "2026-03-10" })),
    ).toEqual([
      "- [#6](http://gitlab.test/org/careers/-/issues/6) refused command: career decision: waits for pat since 2026-03-04",
    ]);
  });

  it("lists follow-up issues still open, waiting for their assignees since they were opened", () => {
    const followUp = issue({
      iid: 12,
      labels: [],
      title: "People team: set up the interim",
      assignees: [people.bob!, people.alice!],
      createdAt: "2026-03-05T10:00:00Z",
      webUrl: "http://gitlab.test/org/careers/-/issues/12",
    });
    expect(attention(dashboardInput({ followUps: [followUp] }))).toEqual([
      "- [#12](http://gitlab.test/org/careers/-/issues/12) follow-up still open: People team: set up the interim: waits for alice, bob since 2026-03-05",
    ]);
  });

  it("orders items by day and says so when there are none", () => {
    const late = workflowIssue(stateOf("promotion", { needsInfo: "2026-03-08" }), { iid: 20 });
    const early = workflowIssue(stateOf("promotion", { needsInfo: "2026-03-01" }), { iid: 21 });
    const lines = attention(dashboardInput({ open: [late, early] }));
    expect(lines.map((l) => l.match(/\[#(\d+)\]/)?.[1])).toEqual(["21", "20"]);
    expect(buildDashboard(dashboardInput()).markdown).toContain("Nothing needs attention.");
  });
});
