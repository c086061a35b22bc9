import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { conversationToken } from "../../src/conversations/roster.js";
import { buildDashboard } from "../../src/dashboard/build.js";
import { followUpMarker } from "../../src/engine/markers.js";
import { bot, people } from "../support/snapshots.js";
import { dashboardInput, stateOf, withSection, workflowIssue } from "./content-fixtures.js";

const config = {
  ...defaultConfig(),
  conversations: {
    ...defaultConfig().conversations,
    roster: [
      { manager: "bob", reports: ["alice"] },
      { manager: "dave", reports: ["eve"] },
      { manager: "carol", reports: ["pat"] },
      { manager: "pat", reports: ["eve"] },
    ],
  },
};

function conversationIssue(manager: string, iid: number, stage: string, extra = "", author = bot) {
  const state = stateOf("conversation", { stage, member: manager });
  return workflowIssue(state, {
    iid,
    author,
    description: withSection(`${extra}\n\`\`\`yaml career\nmanager: ${manager}\n\`\`\``, state),
    createdAt: "2026-01-02T08:00:00Z",
  });
}

describe("career conversations this quarter", () => {
  it("shows each roster manager's issue and whether it is done", () => {
    const token = (m: string, q = "2026-Q1") => followUpMarker(conversationToken(m, q));
    const bob = conversationIssue("bob", 31, "conversations", token("bob"));
    const dave = { ...conversationIssue("dave", 32, "done", token("dave")), state: "closed" as const };
    const lastQuarter = {
      ...conversationIssue("carol", 33, "done", token("carol", "2025-Q4")),
      createdAt: "2025-10-02T08:00:00Z",
    };
    const byHand = conversationIssue("pat", 34, "conversations");
    const { markdown } = buildDashboard(
      dashboardInput({ config, open: [bob, byHand], closed: [dave, lastQuarter], today: "2026-02-15" }),
    );
    expect(markdown).toContain("## Career conversations this quarter (Q1 2026)");
    const rows = markdown.split("\n").filter((l) => /^\| (bob|carol|dave|pat) \|/.test(l));
    expect(rows).toEqual([
      "| bob | [#31](http://gitlab.test/org/careers/-/issues/31) | no (Conversations) |",
      "| carol | none yet | no |",
      "| dave | [#32](http://gitlab.test/org/careers/-/issues/32) | yes |",
      "| pat | [#34](http://gitlab.test/org/careers/-/issues/34) | no (Conversations) |",
    ]);
  });

  it("counts the token only in an issue the bot opened: a person's issue with it marks nobody done", () => {
    const token = followUpMarker(conversationToken("dave", "2026-Q1"));
    // A person's issue about someone else, closed, that quotes dave's token.
    const pasted = {
      ...conversationIssue("eve", 40, "done", token, people.carol!),
      state: "closed" as const,
    };
    const { markdown } = buildDashboard(dashboardInput({ config, closed: [pasted], today: "2026-02-15" }));
    expect(markdown.split("\n").filter((l) => l.startsWith("| dave |"))).toEqual([
      "| dave | none yet | no |",
    ]);
  });

  it("says so when the roster is empty", () => {
    expect(buildDashboard(dashboardInput()).markdown).toContain(
      "The config's conversations roster is empty.",
    );
  });
});
