import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { apply } from "../../src/engine/apply.js";
import { decide } from "../../src/engine/decide.js";
import { SECTION_BEGIN, SECTION_END } from "../../src/engine/markers.js";
import { Renderer } from "../../src/engine/render.js";
import { FakeGitLab, FakeGitLabState } from "../../src/gitlab/fake/index.js";
import { interimManager } from "../../src/workflows/interim-manager.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { interimBlock, yamlBlock } from "../support/snapshots.js";

const definition = interimManager as unknown as WorkflowDefinition;
const renderer = new Renderer();

async function setup() {
  const state = new FakeGitLabState({
    now: "2026-01-05T09:00:00Z",
    users: ["career-bot", "alice", "bob"],
    projects: ["org/careers"],
  });
  state.addLabel("org/careers", "career::interim-manager");
  const port = new FakeGitLab(state, { username: "career-bot" });
  const bot = await port.currentUser();
  const description = `Intro written by alice.\n\n${yamlBlock(interimBlock)}\nClosing words, kept as they are.\n`;
  const opened = state
    .as("alice")
    .openIssue({ title: "Interim", description, labels: ["career::interim-manager"], confidential: true });
  const run = async () => {
    const issue = await port.getIssue("org/careers", opened.issue.iid);
    const notes = await port.listNotes("org/careers", issue.iid);
    const snapshot = { issue, notes, bot, users: new Map() };
    const plan = decide({ definition, snapshot, config: defaultConfig(), now: new Date(state.now) });
    return {
      plan,
      apply: () => apply(plan, { port, renderer, bot, dryRun: false, budget: { limit: 100, used: 0 } }),
    };
  };
  return { state, port, iid: opened.issue.iid, description, run };
}

describe("apply", () => {
  it("writes the bot section without changing a character outside it", async () => {
    const { state, iid, description, run } = await setup();
    await (await run()).apply();
    const now = state.findIssue(state.requireProject("org/careers").id, iid)!.description;
    const start = now.indexOf(SECTION_BEGIN);
    const end = now.indexOf(SECTION_END) + SECTION_END.length;
    expect(start).toBeGreaterThanOrEqual(0);
    expect((now.slice(0, start) + now.slice(end)).trim()).toBe(description.trim());
  });

  it("keeps a tick made between the bot's read and its write", async () => {
    const { state, iid, run } = await setup();
    await (await run()).apply();
    state.advance({ hours: 1 });
    const pending = await run(); // reads now
    state.as("bob").tick("org/careers", iid, "Shows managerial interest"); // ticks before the bot writes
    state.advance({ minutes: 1 });
    // Force a section change so the bot has to write: a later plan re-renders the section.
    const section = pending.plan.actions.find((a) => a.kind === "section");
    if (section?.kind === "section") section.model.summary = [...section.model.summary, "changed"];
    await pending.apply();
    const issue = state.findIssue(state.requireProject("org/careers").id, iid)!;
    expect(issue.description).toMatch(/- \[x\] Shows managerial interest/);
  });

  it("makes no write when nothing changed", async () => {
    const { run } = await setup();
    await (await run()).apply();
    const again = await (await run()).apply();
    expect(again.writes).toEqual([]);
  });

  it("writes nothing in a dry run and reports the plan", async () => {
    const { state, iid, port } = await setup();
    const bot = await port.currentUser();
    const issue = await port.getIssue("org/careers", iid);
    const plan = decide({
      definition,
      snapshot: { issue, notes: [], bot, users: new Map() },
      config: defaultConfig(),
      now: new Date(state.now),
    });
    const before = state.issues.map((i) => i.description).join();
    const result = await apply(plan, { port, renderer, bot, dryRun: true, budget: { limit: 100, used: 0 } });
    expect(result.writes.length).toBeGreaterThan(0);
    expect(state.issues.map((i) => i.description).join()).toBe(before);
  });

  it("sends the section, the stage label and the due date in one issue PUT", async () => {
    const { state, run } = await setup();
    const pending = await run();
    expect(pending.plan.actions.map((a) => a.kind)).toEqual(
      expect.arrayContaining(["section", "labels", "due-date"]),
    );
    const result = await pending.apply();
    // In trigger mode every PUT is a pipeline: one per apply, never one per kind of change.
    expect(state.requestCounts.get("PUT /projects/:id/issues/:iid")).toBe(1);
    expect(result.writes.map((w) => w.what)).toEqual([
      expect.stringMatching(/^update section \+career-stage::\S+ due \d{4}-/),
    ]);
  });

  it("stops at the write budget", async () => {
    const { state, iid, port } = await setup();
    const bot = await port.currentUser();
    const issue = await port.getIssue("org/careers", iid);
    const plan = decide({
      definition,
      snapshot: { issue, notes: [], bot, users: new Map() },
      config: defaultConfig(),
      now: new Date("2026-05-06T00:00:00Z"),
    });
    await expect(
      apply(plan, { port, renderer, bot, dryRun: false, budget: { limit: 1, used: 0 } }),
    ).rejects.toThrow(/max_writes_per_run/);
    // The budget of one let exactly one write through before the run stopped.
    const writes = [...state.requestCounts].filter(([request]) => !request.startsWith("GET "));
    expect(writes).toEqual([["POST /projects/:id/issues/:iid/notes", 1]]);
  });
});
