import { describe, expect, it } from "vitest";
import { FakeGitLabState, type WebhookPayload } from "../../src/gitlab/fake/index.js";
import type { GitLabPort, IssueUpdate } from "../../src/gitlab/port.js";
import { workflows } from "../../src/workflows/index.js";
import { MemoryBot } from "../support/memory-bot.js";
import { type BotRunner, expectNoDuplicates, interimScript } from "../support/scenario.js";
import { BOT, PROJECT } from "../support/world.js";

/*
 * In trigger mode each write that fires the webhook starts a pipeline, so the bot writes as little as
 * the behaviour allows. A whole interim appointment, with a `handle` run for every human action as
 * trigger mode has it: no run updates an issue twice, no update leaves the issue as it was, no note
 * is posted twice, and the total stays what `npm run bench` reports.
 */

interface Update {
  run: number;
  iid: number;
  update: IssueUpdate;
  changed: boolean;
}

function walkWorld() {
  const state = new FakeGitLabState({
    now: "2026-01-05T09:00:00Z",
    users: [BOT, "alice", "bob", "carol", "dave", "eve", "pat"],
    projects: [PROJECT],
  });
  for (const label of new Set(workflows.map((w) => w.label))) state.addLabel(PROJECT, label);
  const updates: Update[] = [];
  const echoing: string[] = [];
  let run = 0;
  const wrap = (port: GitLabPort): GitLabPort => {
    run += 1;
    return new Proxy(port, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== "function") return value;
        return async (...args: unknown[]) => {
          const call = () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (property === "createNote" || property === "createIssue") echoing.push(String(property));
          if (property !== "updateIssue") return call();
          echoing.push("updateIssue");
          const iid = args[1] as number;
          const project = state.requireProject(PROJECT).id;
          const before = JSON.stringify(state.findIssue(project, iid));
          const result = await call();
          const changed = JSON.stringify(state.findIssue(project, iid)) !== before;
          updates.push({ run, iid, update: args[2] as IssueUpdate, changed });
          return result;
        };
      },
    });
  };
  const bot = new MemoryBot(state, { wrap });
  let handled = 0;
  const runner: BotRunner = {
    state,
    // Trigger mode runs a job for every human event, in order, not only for those the script names.
    handle: async (_payload: WebhookPayload) => {
      let last = { code: 0, output: "" };
      for (const event of state.webhooks.slice(handled)) {
        handled += 1;
        last = await bot.handle(event);
        expect(last.code, last.output).toBe(0);
      }
      return last;
    },
    sweep: () => bot.sweep(),
  };
  return { state, runner, updates, echoing };
}

describe("the bot's writes over a whole interim appointment", () => {
  it("one issue update per run and issue, each changing something, no note twice", async () => {
    const { state, runner, updates, echoing } = walkWorld();
    await interimScript(runner);
    const perRunAndIssue = updates.map((u) => `${u.run}#${u.iid}`);
    expect(perRunAndIssue.length).toBeGreaterThan(0);
    expect(new Set(perRunAndIssue).size).toBe(perRunAndIssue.length);
    expect(updates.filter((u) => !u.changed)).toEqual([]);
    expectNoDuplicates(state);
    // The numbers README "What each mode costs" quotes (20 human actions, the team member's own
    // choice among them): 19 writes that echo, one of them the note that records the workflow's
    // people when it starts.
    expect(state.webhooks).toHaveLength(20);
    expect(echoing).toHaveLength(19);
  });
});
