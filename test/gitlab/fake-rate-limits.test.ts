import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failHook } from "../../src/gitlab/fake/hook-health.js";
import { FakeGitLabServer, FakeGitLabState, type RunningServer } from "../../src/gitlab/fake/index.js";
import { throttleHookTest, throttleSearch } from "../../src/gitlab/fake/rate-limits.js";
import { createHook, createTrigger } from "../../src/gitlab/fake/settings-ops.js";
import { BOT, CliHarness } from "../support/cli-harness.js";
import { tickInterimEligibility } from "../support/interim-items.js";
import { expectNoDuplicates } from "../support/scenario.js";
import { interimDescription, PROJECT, World } from "../support/world.js";

/*
 * GitLab's application rate limits the bot can meet (lib/gitlab/application_rate_limiter.rb), as
 * the fake enforces them, and the bot's runs getting through each. See docs/gitlab-compatibility.md.
 */

const TOO_MANY = { message: { error: "This endpoint has been requested too many times. Try again later." } };

describe("the fake refuses as GitLab does", () => {
  let state: FakeGitLabState;
  let running: RunningServer;
  const tokens = { "tok-ann": "ann", "tok-ben": "ben" };

  beforeEach(async () => {
    state = new FakeGitLabState({
      now: "2026-01-05T09:00:00Z",
      users: ["ann", "ben"],
      projects: ["g/a", "g/b"],
    });
    running = await new FakeGitLabServer(state, { tokens }).start();
  });
  afterEach(() => running.close());

  function api(token: string, method: string, path: string) {
    return fetch(`${running.url}/api/v4${path}`, { method, headers: { "private-token": token } });
  }

  it("issue search: 30 a minute per user, every page counted; lists without `search` are free", async () => {
    for (let i = 0; i < 30; i += 1)
      expect((await api("tok-ann", "GET", "/projects/g%2Fa/issues?search=x")).status).toBe(200);
    const refused = await api("tok-ann", "GET", "/projects/g%2Fb/issues?search=y");
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual(TOO_MANY);
    expect((await api("tok-ann", "GET", "/projects/g%2Fa/issues?labels=a")).status).toBe(200);
    expect((await api("tok-ben", "GET", "/projects/g%2Fa/issues?search=x")).status).toBe(200);
    state.advance({ seconds: 59 });
    expect((await api("tok-ann", "GET", "/projects/g%2Fa/issues?search=x")).status).toBe(429);
    state.advance({ seconds: 1 });
    expect((await api("tok-ann", "GET", "/projects/g%2Fa/issues?search=x")).status).toBe(200);
  });

  it("hook test: 5 a minute per project and user", async () => {
    const ann = state.requireUser("ann");
    const [a, b] = [state.requireProject("g/a"), state.requireProject("g/b")];
    const hookA = createHook(state, ann, a, { url: "https://receiver.example/a" });
    const hookB = createHook(state, ann, b, { url: "https://receiver.example/b" });
    const test = (project: number, hook: number, token = "tok-ann") =>
      api(token, "POST", `/projects/${project}/hooks/${hook}/test/issues_events`);
    for (let i = 0; i < 5; i += 1) expect((await test(a.id, hookA.id)).status).toBe(201);
    const refused = await test(a.id, hookA.id);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual(TOO_MANY);
    expect((await test(b.id, hookB.id)).status).toBe(201);
    expect((await test(a.id, hookA.id, "tok-ben")).status).toBe(201);
    state.advance({ minutes: 1 });
    expect((await test(a.id, hookA.id)).status).toBe(201);
  });

  it("pipeline creation: `pipeline_limit_per_user` a minute per user, across projects", async () => {
    state.rateLimits.pipelinesPerUserPerMinute = 2;
    const ann = state.requireUser("ann");
    const [a, b] = [state.requireProject("g/a"), state.requireProject("g/b")];
    const triggers = [createTrigger(state, ann, a, "bot"), createTrigger(state, ann, b, "bot")] as const;
    const trigger = (n: 0 | 1) =>
      fetch(
        `${running.url}/api/v4/projects/${triggers[n].projectId}/ref/main/trigger/pipeline?token=${triggers[n].token}`,
        {
          method: "POST",
        },
      );
    expect((await trigger(0)).status).toBe(201);
    expect((await trigger(1)).status).toBe(201);
    const refused = await trigger(0);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      message: { base: ["Too many pipelines created in the last minute. Try again later."] },
    });
    expect(state.pipelines).toHaveLength(2);
    state.advance({ minutes: 1 });
    expect((await trigger(1)).status).toBe(201);
  });

  it("with GitLab's defaults, pipeline creation has no per-user limit", async () => {
    const ann = state.requireUser("ann");
    const trigger = createTrigger(state, ann, state.requireProject("g/a"), "bot");
    for (let i = 0; i < 40; i += 1) {
      const url = `${running.url}/api/v4/projects/${trigger.projectId}/ref/main/trigger/pipeline?token=${trigger.token}`;
      expect((await fetch(url, { method: "POST" })).status).toBe(201);
    }
  });
});

describe("the bot's runs get through each limit", () => {
  it("setup, when GitLab refuses the hook test that would re-enable the webhook, says to wait a minute", async () => {
    const gitlab = await new CliHarness().start();
    try {
      expect((await gitlab.cli(["setup"])).code).toBe(0);
      const { state } = gitlab;
      const hook = failHook(state, state.hooks[0]!.id, 4);
      const project = state.requireProject(PROJECT).id;
      for (let i = 0; i < 5; i += 1) throttleHookTest(state, project, state.requireUser(BOT).id);
      // Millisecond backoff: the 429 is retried as in production, only faster.
      const refused = await gitlab.cli(["setup"], { CAREER_BOT_RETRY_BASE_MS: "1" });
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain("answered 429");
      expect(refused.stdout).toContain("run setup again in a minute");
      state.advance({ minutes: 1 });
      const run = await gitlab.cli(["setup"]);
      expect(run.code).toBe(0);
      expect(hook).toMatchObject({ recentFailures: 0, disabledUntil: null });
    } finally {
      await gitlab.stop();
    }
  });

  it("a run whose follow-up search is refused fails that issue clearly, and the next run opens it once", async () => {
    const world = await new World().start();
    world.extraEnv = { CAREER_BOT_RETRY_BASE_MS: "1", CAREER_BOT_REQUEST_TIMEOUT_MS: "2000" };
    try {
      const opened = world.state.as("alice").openIssue({
        title: "Interim manager: alice",
        description: interimDescription({ people_business_partner: "pat" }),
      });
      expect((await world.handle(opened.payload)).code).toBe(0);
      world.state.advance({ days: 1 });
      let last = null;
      last = tickInterimEligibility(world.state, opened.issue.iid);
      // The bot's 30 searches of this minute are spent (GitLab's default search_rate_limit).
      for (let i = 0; i < 30; i += 1) throttleSearch(world.state, world.state.requireUser(BOT).id, "x");
      const refused = await world.handle(last!.payload);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(/FAILED \d+#1: GitLab GET .*issues answered 429/);
      expect(world.state.issues.filter((i) => i.title.startsWith("People team"))).toHaveLength(0);
      world.state.advance({ minutes: 1 });
      expect((await world.handle(last!.payload)).code).toBe(0);
      expect(world.state.issues.filter((i) => i.title.startsWith("People team"))).toHaveLength(1);
      expectNoDuplicates(world.state);
    } finally {
      await world.stop();
    }
  });
});
