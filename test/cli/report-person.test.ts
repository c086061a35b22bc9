import { beforeEach, describe, expect, it, vi } from "vitest";
import { FakeGitLab } from "../../src/gitlab/fake/index.js";
import { POSITION_ITEM, SUBMITTED_ITEM } from "../../src/workflows/promotion.js";
import { cli, freshState, handleText, memory, writesSoFar } from "../support/cli-memory.js";
import { BOT, interimDescription, PROJECT, templateDescription } from "../support/world.js";

vi.mock("../../src/commands/connect.js", () => ({
  connect: () => new FakeGitLab(memory.state, { username: BOT }),
}));

const PROMOTION_ITEMS = [
  "Career coaching conversation held between the team member and the manager",
  "Readiness for the target role discussed against its job family requirements",
  POSITION_ITEM,
  "Promotion document written, showing what the team member has already done at the target level",
  "360 feedback gathered, peer reviews especially",
  SUBMITTED_ITEM,
];

async function run(payload: unknown) {
  expect((await handleText(JSON.stringify(payload))).code).toBe(0);
}

/** `career-bot report --person USERNAME`: a person's history, open and closed, from one listing. */
describe("career-bot report --person", () => {
  const iids = { interim: 0, promotion: 0, other: 0, public: 0 };

  beforeEach(async () => {
    memory.state = freshState();
    const alice = memory.state.as("alice");
    const interim = alice.openIssue({ title: "Interim manager: alice", description: interimDescription({}) });
    iids.interim = interim.issue.iid;
    await run(interim.payload);

    memory.state.now = "2026-02-02T09:00:00Z";
    const promotion = alice.openIssue({
      title: "Promotion: alice",
      description: templateDescription("Promotion"),
    });
    iids.promotion = promotion.issue.iid;
    await run(promotion.payload);
    // Walked to the end: bob ticks every item, people ops (carol) decide.
    memory.state.now = "2026-03-02T09:00:00Z";
    for (const item of PROMOTION_ITEMS.slice(0, 2))
      memory.state.as("bob").tick(PROJECT, iids.promotion, item);
    await run(memory.state.as("bob").tick(PROJECT, iids.promotion, PROMOTION_ITEMS[2]!).payload);
    for (const item of PROMOTION_ITEMS.slice(3, 5))
      memory.state.as("bob").tick(PROJECT, iids.promotion, item);
    await run(memory.state.as("bob").tick(PROJECT, iids.promotion, SUBMITTED_ITEM).payload);
    memory.state.now = "2026-03-10T09:00:00Z";
    const decision = memory.state.as("carol").comment(PROJECT, iids.promotion, "/career decision approved");
    await run(decision.payload);

    // Someone else's workflow, and a workflow of alice's in a public issue: both left out.
    const bob = memory.state.as("bob").openIssue({
      title: "Promotion: bob",
      description: templateDescription("Promotion", { team_member: "bob", manager: "dave" }),
    });
    iids.other = bob.issue.iid;
    const open = memory.state.as("alice").openIssue({
      title: "Promotion: alice (public)",
      description: templateDescription("Promotion").replace(/^\/confidential.*$/m, ""),
    });
    iids.public = open.issue.iid;
  });

  it("lists every workflow of the person, open and closed, oldest first, with who decided (Markdown)", async () => {
    const issue = memory.state.findIssue(memory.state.requireProject(PROJECT).id, iids.promotion)!;
    expect(issue.state).toBe("closed");
    expect(memory.state.findIssue(memory.state.requireProject(PROJECT).id, iids.public)!.confidential).toBe(
      false,
    );

    const result = await cli(["report", "--person", "alice"]);
    expect(result.code).toBe(0);
    const rows = result.stdout.split("\n").filter((line) => /^\| 2026-/.test(line));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(
      new RegExp(
        `^\\| 2026-01-05 \\| Interim manager \\| \\[#${iids.interim}\\]\\([^)]+\\) \\|  \\| open, Eligibility \\|  \\|$`,
      ),
    );
    expect(rows[1]).toMatch(
      new RegExp(
        `^\\| 2026-02-02 \\| Promotion \\| \\[#${iids.promotion}\\]\\([^)]+\\) \\| 2026-03-10 \\| promoted \\| carol \\|$`,
      ),
    );
    expect(result.stdout).not.toContain(`#${iids.other}]`);
    expect(result.stdout).not.toContain(`#${iids.public}]`);
  });

  it("gives the issue iid and URL in JSON, and one CSV row per workflow", async () => {
    const json = JSON.parse((await cli(["report", "--person", "@Alice", "--format", "json"])).stdout);
    expect(json.workflows.map((w: { iid: number }) => w.iid)).toEqual([iids.interim, iids.promotion]);
    expect(json.workflows[1]).toMatchObject({
      workflow: "promotion",
      state: "closed",
      opened: "2026-02-02",
      closed: "2026-03-10",
      outcome: "promoted",
      decided_by: "carol",
    });
    expect(json.workflows[1].url).toMatch(new RegExp(`/${PROJECT}/-/issues/${iids.promotion}$`));

    const csv = (await cli(["report", "--person", "alice", "--format", "csv"])).stdout.split("\r\n");
    expect(csv[0]).toBe("project_id,iid,url,workflow,state,opened,closed,stage,outcome,decided_by");
    expect(csv.filter(Boolean)).toHaveLength(3);
    expect(csv[2]).toMatch(
      new RegExp(`,${iids.promotion},.*,promotion,closed,2026-02-02,2026-03-10,Done,promoted,carol$`),
    );
  });

  it("costs one listing of issues and reads no notes", async () => {
    const before = new Map(memory.state.requestCounts);
    expect((await cli(["report", "--person", "alice"])).code).toBe(0);
    const made = [...memory.state.requestCounts].flatMap(([key, count]) => {
      const more = count - (before.get(key) ?? 0);
      return more > 0 ? [`${key} x${more}`] : [];
    });
    expect(made.filter((key) => key.includes("issues"))).toEqual(["GET /projects/:id/issues x1"]);
    expect(made.some((key) => key.includes("notes"))).toBe(false);
  });

  it("lists the earlier workflows once, in the new workflow's At a glance, and keeps them without listing again", async () => {
    memory.state.now = "2026-03-20T09:00:00Z";
    const listings = () => memory.state.requestCounts.get("GET /projects/:id/issues") ?? 0;
    const transfer = memory.state
      .as("alice")
      .openIssue({ title: "Lateral transfer: alice", description: templateDescription("Lateral transfer") });
    const before = listings();
    await run(transfer.payload);
    expect(listings() - before).toBe(1);
    const line = `- Earlier: #${iids.interim} Interim manager, open (Eligibility) since 2026-01-05; #${iids.promotion} Promotion, promoted 2026-03-10`;
    const description = () =>
      memory.state.findIssue(memory.state.requireProject(PROJECT).id, transfer.issue.iid)!.description;
    expect(description()).toContain(line);
    // Bob's workflow and alice's public issue are not hers to show here.
    expect(description()).not.toContain(`#${iids.other} `);
    expect(description()).not.toContain(`#${iids.public} `);

    // Later events: the line stays, read from the bot's own marker; no listing, no write.
    const writes = writesSoFar(memory.state);
    memory.state.now = "2026-03-21T09:00:00Z";
    await run(memory.state.as("alice").comment(PROJECT, transfer.issue.iid, "/career status").payload);
    await run(transfer.payload);
    expect(listings() - before).toBe(1);
    expect(description()).toContain(line);
    expect(writesSoFar(memory.state) - writes).toBe(1); // the reply to /career status, nothing else
  });

  it("lists nothing for a workflow in a public issue, and shows nothing there", async () => {
    const before = memory.state.requestCounts.get("GET /projects/:id/issues") ?? 0;
    const open = memory.state.as("alice").openIssue({
      title: "Lateral transfer: alice (public)",
      description: templateDescription("Lateral transfer").replace(/^\/confidential.*$/m, ""),
    });
    await run(open.payload);
    expect((memory.state.requestCounts.get("GET /projects/:id/issues") ?? 0) - before).toBe(0);
    const description = memory.state.findIssue(
      memory.state.requireProject(PROJECT).id,
      open.issue.iid,
    )!.description;
    expect(description).toContain("### Career workflow: Lateral transfer");
    expect(description).not.toContain("Earlier:");
  });

  it("says so when the person has no workflow, and refuses a username that is not one", async () => {
    expect((await cli(["report", "--person", "eve"])).stdout).toContain(
      "No confidential workflow issue names eve as the team member.",
    );
    const bad = await cli(["report", "--person", "al ice"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("is not a GitLab username");
  });
});
