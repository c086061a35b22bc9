import { afterEach, describe, expect, it } from "vitest";
import { FakeGitLab } from "../../src/gitlab/fake/adapter.js";
import { deliver } from "../../src/gitlab/fake/hook-health.js";
import { FakeGitLabServer } from "../../src/gitlab/fake/http-server.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";
import type { FakeRole, FakeVariablesRole } from "../../src/gitlab/fake/types.js";
import { GitbeakerGitLab } from "../../src/gitlab/gitbeaker.js";
import type { GitLabPort } from "../../src/gitlab/port.js";
import { VARIABLES_PLACE } from "../../src/setup/ensure-variables.js";
import { setupFailed } from "../../src/setup/report.js";
import { runSetup } from "../../src/setup/run-setup.js";
import { workflows } from "../../src/workflows/index.js";

const BOT = "career-bot";
const PROJECT = "org/careers";
const TOKEN = "glpat-variables-0001";

type Adapter = (state: FakeGitLabState) => Promise<{ port: GitLabPort; close(): Promise<void> }>;

const ADAPTERS: Record<string, Adapter> = {
  "FakeGitLab (in memory)": async (state) => ({
    port: new FakeGitLab(state, { username: BOT }),
    close: async () => {},
  }),
  "GitbeakerGitLab over HTTP": async (state) => {
    const server = await new FakeGitLabServer(state, { tokens: { [TOKEN]: BOT } }).start();
    const port = new GitbeakerGitLab({
      host: server.url,
      token: TOKEN,
      requestTimeoutMs: 5_000,
      retry: { sleep: async () => {} },
    });
    return { port, close: server.close };
  },
};

/* The setting, the token's role -> what setup does, what the setting ends as, and the delivery. */
const CASES: Array<[FakeVariablesRole, FakeRole, string, FakeVariablesRole, number]> = [
  ["no_one_allowed", "maintainer", "updated", "maintainer", 201],
  ["no_one_allowed", "owner", "updated", "owner", 201],
  ["owner", "maintainer", "failed", "owner", 400],
  ["owner", "owner", "unchanged", "owner", 201],
  ["maintainer", "maintainer", "unchanged", "maintainer", 201],
  ["maintainer", "owner", "unchanged", "maintainer", 201],
];

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe.each(Object.entries(ADAPTERS))("setup and pipeline variables: %s", (_name, adapter) => {
  it.each(CASES)(
    "setting %s, token %s: the variables step is %s, the setting ends %s, a webhook delivery gets %i",
    async (setting, role, status, after, delivery) => {
      const state = new FakeGitLabState({ now: "2026-02-02T09:00:00Z", users: [BOT], projects: [PROJECT] });
      const project = state.requireProject(PROJECT);
      project.pipelineVariablesRole = setting;
      state.setRole(PROJECT, BOT, role);
      const subject = await adapter(state);
      close = subject.close;
      const report = await runSetup(subject.port, {
        project: PROJECT,
        gitlabUrl: state.webUrl,
        workflows,
        timezone: "UTC",
        dryRun: false,
        secrets: [],
      });
      const step = report.steps.find((candidate) => candidate.step === "variables")!;
      expect(step.status).toBe(status);
      expect(project.pipelineVariablesRole).toBe(after);
      // Every other step is done whatever this one found.
      expect(setupFailed(report).map((failed) => failed.step)).toEqual(
        status === "failed" ? ["variables"] : [],
      );
      expect(state.hooks).toHaveLength(1);
      expect(state.schedules).toHaveLength(1);
      if (status === "failed") {
        expect(step.detail).toContain("ci_pipeline_variables_minimum_override_role is owner");
        expect(step.fix).toContain(VARIABLES_PLACE);
        expect(step.fix).toContain("Owner");
        expect(step.fix).toContain(
          `PUT /projects/${project.id} with ci_pipeline_variables_minimum_override_role=maintainer`,
        );
      }
      // What GitLab does with the next issue event: the hook posts to the trigger endpoint.
      const answer = deliver(state, state.hooks[0]!, { object_kind: "issue" });
      expect(answer.status).toBe(delivery);
      if (delivery === 400) {
        expect(JSON.parse(answer.body)).toEqual({
          message: { base: ["Insufficient permissions to set pipeline variables"] },
        });
        expect(state.pipelines).toEqual([]);
      } else {
        expect(state.pipelines).toEqual([
          expect.objectContaining({ source: "trigger", userId: state.requireUser(BOT).id, ref: "main" }),
        ]);
      }
    },
  );
});

describe("the fake's pipeline-trigger endpoint over HTTP", () => {
  it("needs no access token, refuses variables the trigger's owner may not set, and hides the token", async () => {
    const state = new FakeGitLabState({ now: "2026-02-02T09:00:00Z", users: [BOT], projects: [PROJECT] });
    const server = await new FakeGitLabServer(state, { tokens: { [TOKEN]: BOT } }).start();
    close = server.close;
    const port = new FakeGitLab(state, { username: BOT });
    const trigger = await port.createTriggerToken(PROJECT, "career-bot");
    const id = state.requireProject(PROJECT).id;
    const post = (token: string) =>
      fetch(`${server.url}/api/v4/projects/${id}/ref/main/trigger/pipeline?token=${token}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ object_kind: "issue" }),
      });
    const created = await post(trigger.token);
    expect(created.status).toBe(201);
    expect(JSON.parse(state.pipelines[0]!.variables.TRIGGER_PAYLOAD!)).toEqual({
      object_kind: "issue",
      id: String(id),
      ref: "main",
    });
    expect((await post("glptt-wrong")).status).toBe(404);
    state.requireProject(PROJECT).pipelineVariablesRole = "no_one_allowed";
    const refused = await post(trigger.token);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      message: { base: ["Insufficient permissions to set pipeline variables"] },
    });
    expect(state.pipelines).toHaveLength(1);
  });
});
