import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { buildDashboard } from "../../src/dashboard/build.js";
import { INJECTION } from "../attacks/safe-text.js";
import { issue } from "../support/snapshots.js";
import { dashboardInput, stateOf, workflowIssue } from "./content-fixtures.js";

const ATTACK = `${INJECTION} | broken | cell\nnext line`;
const attacker = { id: 666, username: ATTACK };

function attackInput() {
  const followUp = issue({ iid: 40, labels: [], title: ATTACK, assignees: [attacker], author: attacker });
  const needsInfo = workflowIssue(stateOf("promotion", { needsInfo: "2026-03-01" }), {
    iid: 41,
    title: ATTACK,
    author: attacker,
  });
  // A forged member or refusal with an attack username does not check out: the state is dropped.
  const forged = workflowIssue(
    {
      ...stateOf("acting-manager"),
      member: ATTACK,
      refused: [{ day: "2026-03-09", verb: "end", by: ATTACK }],
    },
    { iid: 42, title: ATTACK, webUrl: "javascript:alert(1)" },
  );
  const linkBreaker = workflowIssue(stateOf("promotion"), { iid: 43, webUrl: "http://x) [evil](http://y" });
  const config = {
    ...defaultConfig(),
    conversations: { ...defaultConfig().conversations, roster: [{ manager: "bob", reports: ["alice"] }] },
  };
  return dashboardInput({ config, open: [needsInfo, forged, linkBreaker], followUps: [followUp] });
}

describe("text a person wrote, on the dashboard", () => {
  const { markdown } = buildDashboard(attackInput());

  it("starts no quick action", () => {
    for (const line of markdown.split("\n")) expect(line).not.toMatch(/^\s*\//);
  });

  it("mentions nobody", () => {
    expect(markdown).not.toMatch(/(?:^|[^\w`])@[A-Za-z0-9_]/m);
  });

  it("holds no HTML comment, so no marker either", () => {
    expect(markdown).not.toContain("<!--");
    expect(markdown).not.toContain("-->");
  });

  it("adds no table column and no line", () => {
    const tableLines = markdown.split("\n").filter((l) => l.startsWith("|"));
    expect(tableLines.length).toBeGreaterThan(0);
    for (const line of tableLines) {
      const cells = line.replace(/\\\|/g, "").split("|").length - 2;
      expect([3, 7], line).toContain(cells);
    }
    expect(markdown).not.toContain("\nnext line");
  });

  it("links only plain http(s) URLs", () => {
    expect(markdown).not.toContain("javascript:");
    expect(markdown).not.toContain("[evil]");
    expect(markdown).toContain("#42");
    expect(markdown).toContain("#43");
  });

  it("is safe in JSON too, stage and outcome from a person's label included", () => {
    // No marker: the dashboard falls back to the labels, which a person can write.
    const label = `@all <!-- x --> ${INJECTION.replace(/\n/g, " ")}`;
    const labels = ["career::promotion", `career-stage::${label}`, `career-outcome::${label}`];
    const open = workflowIssue(undefined, { iid: 44, labels, workflow: "promotion" });
    const closed = workflowIssue(undefined, {
      iid: 45,
      labels,
      workflow: "promotion",
      state: "closed",
      closedAt: "2026-03-01T10:00:00Z",
    });
    const json = JSON.stringify(buildDashboard(dashboardInput({ open: [open], closed: [closed] })).json);
    expect(json).toContain("career-bot:note".slice(0, 0) || "@\u200ball");
    expect(json).not.toContain("<!--");
    expect(json).not.toMatch(/@all|@here|@eve/);
  });

  it("is safe in JSON too", () => {
    const json = JSON.stringify(buildDashboard(attackInput()).json);
    expect(json).not.toContain("<!--");
    expect(json).not.toMatch(/@all|@here|@eve/);
  });
});
