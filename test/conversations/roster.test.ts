import { describe, expect, it } from "vitest";
import { Config } from "../../src/config/schema.js";
import { conversationToken, ensureConversationIssues } from "../../src/conversations/roster.js";
import { readDataBlock } from "../../src/engine/data-block.js";
import { followUpMarker } from "../../src/engine/markers.js";
import { validateData } from "../../src/engine/problems.js";
import { Renderer } from "../../src/engine/render.js";
import { WriteBudgetExceeded } from "../../src/engine/writer.js";
import { FakeGitLab, FakeGitLabState } from "../../src/gitlab/fake/index.js";
import type { RunContext } from "../../src/run/context.js";
import { conversation } from "../../src/workflows/conversation.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";

const PROJECT = "org/careers";
const renderer = new Renderer();
const roster = [
  { manager: "bob", reports: ["alice", "dave"] },
  { manager: "eve", reports: ["pat"] },
];

function world(now = "2026-01-05T06:00:00Z") {
  const state = new FakeGitLabState({
    now,
    users: ["career-bot", "alice", "bob", "dave", "eve", "pat"],
    projects: [PROJECT],
  });
  const port = new FakeGitLab(state, { username: "career-bot" });
  const bot = state.requireUser("career-bot");
  const lines: string[] = [];
  const context = (overrides: Partial<RunContext> = {}): RunContext => ({
    port,
    config: Config.parse({ conversations: { roster } }),
    renderer,
    bot: { id: bot.id, username: bot.username },
    now: new Date(state.now),
    dryRun: false,
    budget: { limit: 100, used: 0 },
    reporter: { info: (line) => lines.push(line) },
    userCache: new Map(),
    ...overrides,
  });
  const issues = () => state.issues.filter((i) => i.labels.includes("career::conversation"));
  const open = () => issues().filter((i) => i.state === "opened");
  return { state, port, context, issues, open, lines };
}

describe("career conversations: one issue per manager per quarter", () => {
  it("creates a confidential, assigned, labeled issue per manager with a valid data block", async () => {
    const w = world();
    const writes = await ensureConversationIssues(w.context(), PROJECT);
    expect(writes.map((write) => write.what)).toEqual([
      "create conversation issue for bob (2026-Q1)",
      "create conversation issue for eve (2026-Q1)",
    ]);
    const [bob, eve] = w.issues();
    expect(bob).toMatchObject({
      title: "Career conversations Q1 2026: bob",
      confidential: true,
      assigneeIds: [w.state.requireUser("bob").id],
      authorId: w.state.requireUser("career-bot").id,
    });
    expect(eve!.title).toBe("Career conversations Q1 2026: eve");
    expect(bob!.description).toContain(followUpMarker(conversationToken("bob", "2026-Q1")));
    const validated = validateData(
      conversation as unknown as WorkflowDefinition,
      readDataBlock(bob!.description),
      Config.parse({}),
      new Map(),
    );
    expect(validated).toMatchObject({
      ok: true,
      data: { manager: "bob", reports: ["alice", "dave"], quarter: "2026-Q1" },
    });
    // The bot wrote no quick action.
    expect(w.state.quickActionsExecuted).toEqual([]);
  });

  it("never creates the same manager and quarter twice, even once the issue is closed", async () => {
    const w = world();
    await ensureConversationIssues(w.context(), PROJECT);
    expect(await ensureConversationIssues(w.context(), PROJECT)).toEqual([]);
    w.state.as("bob").close(PROJECT, w.issues()[0]!.iid);
    expect(await ensureConversationIssues(w.context(), PROJECT)).toEqual([]);
    expect(w.issues()).toHaveLength(2);
  });

  it("creates next quarter's issues when the quarter turns", async () => {
    const w = world();
    await ensureConversationIssues(w.context(), PROJECT);
    w.state.now = "2026-04-01T06:00:00Z";
    const writes = await ensureConversationIssues(w.context({ now: new Date(w.state.now) }), PROJECT);
    expect(writes.map((write) => write.what)).toEqual([
      "create conversation issue for bob (2026-Q2)",
      "create conversation issue for eve (2026-Q2)",
    ]);
    expect(w.issues().map((i) => i.title)).toContain("Career conversations Q2 2026: bob");
  });

  it("ignores a marker in an issue someone else wrote", async () => {
    const w = world();
    const forged = followUpMarker(conversationToken("bob", "2026-Q1"));
    w.state.as("alice").openIssue({ title: "forged", description: forged, labels: ["career::conversation"] });
    const writes = await ensureConversationIssues(w.context(), PROJECT);
    expect(writes.map((write) => write.what)).toEqual([
      "create conversation issue for bob (2026-Q1)",
      "create conversation issue for eve (2026-Q1)",
    ]);
    // Not the bot's, so neither counted nor closed as a duplicate.
    expect(w.issues().find((i) => i.title === "forged")!.state).toBe("opened");
  });

  it("ends with one open issue when two sweeps overlap", async () => {
    const w = world();
    const both = await Promise.all([
      ensureConversationIssues(w.context(), PROJECT),
      ensureConversationIssues(w.context(), PROJECT),
    ]);
    expect(both.flat().filter((write) => write.what.startsWith("create"))).toHaveLength(4);
    expect(
      w
        .open()
        .map((i) => i.title)
        .sort(),
    ).toEqual(["Career conversations Q1 2026: bob", "Career conversations Q1 2026: eve"]);
    // The oldest of each pair is kept; the newer one is closed with a note that points to it.
    for (const closed of w.issues().filter((i) => i.state === "closed")) {
      const kept = w.open().find((i) => i.title === closed.title)!;
      expect(kept.iid).toBeLessThan(closed.iid);
      const notes = w.state.notesOf(closed.id).filter((n) => !n.system);
      expect(notes.length).toBeGreaterThan(0);
      expect(notes[0]!.body).toContain(`Closed as a duplicate of #${kept.iid}`);
    }
    expect(await ensureConversationIssues(w.context(), PROJECT)).toEqual([]);
  });

  it("finishes what a run that died halfway left: the missing issue, and duplicates it did not close", async () => {
    const w = world();
    await expect(
      ensureConversationIssues(w.context({ budget: { limit: 1, used: 0 } }), PROJECT),
    ).rejects.toBeInstanceOf(WriteBudgetExceeded);
    expect(w.issues().map((i) => i.title)).toEqual(["Career conversations Q1 2026: bob"]);
    // A second bob issue, as if another run created it and died before de-duplicating.
    const bob = w.issues()[0]!;
    await w.port.createIssue(PROJECT, {
      title: bob.title,
      description: bob.description,
      labels: ["career::conversation"],
      confidential: true,
    });
    const writes = await ensureConversationIssues(w.context(), PROJECT);
    expect(writes.map((write) => write.what)).toEqual([
      `close duplicate #${bob.iid + 1} of conversation issue for bob (2026-Q1)`,
      `note duplicate #${bob.iid + 1}`,
      "create conversation issue for eve (2026-Q1)",
    ]);
    expect(w.open()).toHaveLength(2);
  });

  it("writes nothing in a dry run and uses no budget", async () => {
    const w = world();
    const context = w.context({ dryRun: true });
    const writes = await ensureConversationIssues(context, PROJECT);
    expect(writes.map((write) => write.what)).toEqual([
      "create conversation issue for bob (2026-Q1)",
      "create conversation issue for eve (2026-Q1)",
    ]);
    expect(w.issues()).toEqual([]);
    expect(context.budget.used).toBe(0);
  });

  it("finds the quarter's issues with one listing per sweep and no search, however many managers", async () => {
    const w = world();
    // More managers than GitLab's default search_rate_limit (30 a minute) would allow searches for.
    const managers = Array.from({ length: 40 }, (_, n) => `manager${n}`);
    for (const name of managers) w.state.addUser(name);
    const config = Config.parse({
      conversations: { roster: managers.map((manager) => ({ manager, reports: ["alice"] })) },
    });
    const sweep = async () => {
      w.state.requestCounts.clear();
      w.state.issueSearches = 0;
      const writes = await ensureConversationIssues(w.context({ config }), PROJECT);
      return {
        writes,
        listings: w.state.requestCounts.get("GET /projects/:id/issues"),
        searches: w.state.issueSearches,
      };
    };
    // The first sweep creates them all and lists once more to catch an overlapping sweep's duplicates.
    const first = await sweep();
    expect(first.writes).toHaveLength(40);
    expect(first).toMatchObject({ listings: 2, searches: 0 });
    // Every later sweep of the quarter: one listing, nothing written.
    expect(await sweep()).toEqual({ writes: [], listings: 1, searches: 0 });
    expect(w.issues()).toHaveLength(40);
  });

  it("still finds a manager's issue whose label a person removed, and opens no second one", async () => {
    const w = world();
    await ensureConversationIssues(w.context(), PROJECT);
    const [bob] = w.issues();
    w.state.as("bob").removeLabels(PROJECT, bob!.iid, ["career::conversation"]);
    expect(await ensureConversationIssues(w.context(), PROJECT)).toEqual([]);
    expect(w.state.issues.filter((issue) => issue.title.endsWith(": bob"))).toHaveLength(1);
  });

  it("skips a roster manager who is not a GitLab user, and says so", async () => {
    const w = world();
    const config = Config.parse({ conversations: { roster: [{ manager: "ghost", reports: ["alice"] }] } });
    expect(await ensureConversationIssues(w.context({ config }), PROJECT)).toEqual([]);
    expect(w.lines).toEqual([
      "conversations: roster manager ghost is not a GitLab user; no issue for 2026-Q1",
    ]);
  });
});
