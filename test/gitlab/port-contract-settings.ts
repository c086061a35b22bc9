import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failHook } from "../../src/gitlab/fake/hook-health.js";
import { createTrigger } from "../../src/gitlab/fake/settings-ops.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";
import { GitLabError, type GitLabPort, type HookEvents } from "../../src/gitlab/port.js";
import type { PortFactory, PortUnderTest } from "./port-contract.js";

const BOT = "career-bot";
const PROJECT = "career/people";
const EVENTS: HookEvents = {
  issues: true,
  confidentialIssues: true,
  notes: true,
  confidentialNotes: true,
  push: false,
};

/** The project-settings half of the port (what `career-bot setup` uses), against both adapters. */
export function describeSettingsContract(name: string, factory: PortFactory): void {
  describe(`GitLabPort settings contract: ${name}`, () => {
    let state: FakeGitLabState;
    let port: GitLabPort;
    let subject: PortUnderTest;

    beforeEach(async () => {
      state = new FakeGitLabState({
        now: "2026-02-02T09:00:00Z",
        users: [BOT, "alice"],
        projects: [PROJECT],
      });
      subject = await factory(state, BOT);
      port = subject.port;
    });

    afterEach(async () => {
      await subject.close();
    });

    async function rejection(promise: Promise<unknown>): Promise<GitLabError> {
      const error = await promise.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(GitLabError);
      return error as GitLabError;
    }

    it("reads the project with its default branch, by path or id", async () => {
      const project = await port.getProject(PROJECT);
      expect(project).toEqual({
        id: state.requireProject(PROJECT).id,
        path: PROJECT,
        defaultBranch: "main",
        webUrl: `${state.webUrl}/${PROJECT}`,
        accessLevel: 40,
        pipelineVariables: { minimumRole: "developer", restricted: true },
      });
      expect(await port.getProject(project.id)).toEqual(project);
      expect((await rejection(port.getProject("career/missing"))).kind).toBe("not-found");
    });

    it("creates trigger tokens; only the owner sees a whole token", async () => {
      const created = await port.createTriggerToken(PROJECT, "career-bot");
      expect(created).toMatchObject({ description: "career-bot", owner: { username: BOT } });
      expect(created.token).toMatch(/^glptt-[0-9a-f]{40}$/);
      const alice = state.requireUser("alice");
      createTrigger(state, alice, state.requireProject(PROJECT), "alice's");
      const listed = await port.listTriggerTokens(PROJECT);
      expect(listed).toEqual([
        created,
        expect.objectContaining({
          description: "alice's",
          owner: expect.objectContaining({ username: "alice" }),
        }),
      ]);
      expect(listed[1]!.token).toHaveLength(4);
    });

    it("creates a webhook with a masked URL portion and a secret it never shows", async () => {
      const url =
        "https://gitlab.example.com/api/v4/projects/1/ref/main/trigger/pipeline?token={trigger_token}";
      const hook = await port.createHook(PROJECT, {
        url,
        name: "career-bot",
        urlVariables: { trigger_token: "glptt-secret-value" },
        token: "hook-secret",
        events: EVENTS,
      });
      expect(hook).toMatchObject({
        url,
        name: "career-bot",
        events: EVENTS,
        urlVariables: ["trigger_token"],
      });
      expect(JSON.stringify(await port.listHooks(PROJECT))).not.toContain("secret");
      expect(state.hooks[0]).toMatchObject({
        token: "hook-secret",
        urlVariables: { trigger_token: "glptt-secret-value" },
      });
    });

    it("turns push events on unless told otherwise, and updates events keeping the masked values", async () => {
      const url = "https://serve.example.com/webhook";
      const hook = await port.createHook(PROJECT, {
        url,
        token: "s3cret",
        events: { ...EVENTS, push: true, notes: false },
      });
      expect(hook.events).toMatchObject({ push: true, notes: false });
      const updated = await port.updateHook(PROJECT, hook.id, { url, events: EVENTS });
      expect(updated.events).toEqual(EVENTS);
      expect(state.hooks[0]!.token).toBe("s3cret");
      expect(await port.listHooks(PROJECT)).toEqual([updated]);
    });

    it("refuses a URL whose placeholder has no value", async () => {
      const error = await rejection(
        port.createHook(PROJECT, { url: "https://x.example.com/?token={missing}", events: EVENTS }),
      );
      expect(error.kind).toBe("bad-request");
      expect(state.hooks).toEqual([]);
    });

    it("creates, lists and updates pipeline schedules", async () => {
      const schedule = await port.createSchedule(PROJECT, {
        description: "career-bot sweep",
        ref: "main",
        cron: "0 6 * * *",
        cronTimezone: "UTC",
        active: true,
      });
      expect(schedule).toMatchObject({
        description: "career-bot sweep",
        cron: "0 6 * * *",
        owner: { username: BOT },
      });
      const updated = await port.updateSchedule(PROJECT, schedule.id, { cron: "0 * * * *" });
      expect(updated).toMatchObject({ id: schedule.id, cron: "0 * * * *", ref: "main", active: true });
      expect(await port.listSchedules(PROJECT)).toEqual([updated]);
    });

    it("sets who may use pipeline variables with GitLab's Owner rules for 'owner'", async () => {
      const project = state.requireProject(PROJECT);
      project.pipelineVariablesRole = "no_one_allowed";
      // A Maintainer may change it from no_one_allowed (project_policy.rb prevents only 'owner').
      const lowered = await port.setPipelineVariablesRole(PROJECT, "maintainer");
      expect(lowered.pipelineVariables).toEqual({ minimumRole: "maintainer", restricted: true });
      const toOwner = await rejection(port.setPipelineVariablesRole(PROJECT, "owner"));
      expect(toOwner).toMatchObject({ kind: "bad-request", status: 400 });
      expect(toOwner.message).toContain(
        "Changing the ci_pipeline_variables_minimum_override_role to the owner role is not allowed",
      );
      project.pipelineVariablesRole = "owner";
      const fromOwner = await rejection(port.setPipelineVariablesRole(PROJECT, "developer"));
      expect(fromOwner.message).toContain(
        "Changing the restrict_user_defined_variables or ci_pipeline_variables_minimum_override_role is not allowed",
      );
      expect(project.pipelineVariablesRole).toBe("owner");
      state.setRole(PROJECT, BOT, "owner");
      expect((await port.setPipelineVariablesRole(PROJECT, "developer")).accessLevel).toBe(50);
      expect(project.pipelineVariablesRole).toBe("developer");
      // Below Maintainer GitLab shows neither the setting nor lets it change.
      state.setRole(PROJECT, BOT, "developer");
      expect(await port.getProject(PROJECT)).toMatchObject({ accessLevel: 30, pipelineVariables: null });
      expect((await rejection(port.setPipelineVariablesRole(PROJECT, "developer"))).kind).toBe("forbidden");
    });

    it("reads only restrict_user_defined_variables from GitLab before 17.1", async () => {
      state.legacyPipelineVariables = true;
      expect((await port.getProject(PROJECT)).pipelineVariables).toEqual({
        minimumRole: null,
        restricted: true,
      });
    });

    it("shows a hook GitLab auto-disabled, and a successful test delivery re-enables it", async () => {
      const hook = await port.createHook(PROJECT, {
        url: "https://serve.example.com/webhook",
        events: EVENTS,
      });
      expect(hook).toMatchObject({ alertStatus: "executable", disabledUntil: null });
      failHook(state, hook.id, 3);
      expect((await port.listHooks(PROJECT))[0]).toMatchObject({ alertStatus: "executable" });
      failHook(state, hook.id, 1);
      expect((await port.listHooks(PROJECT))[0]).toMatchObject({
        alertStatus: "temporarily_disabled",
        disabledUntil: "2026-02-02T09:01:00.000Z",
      });
      state.hookReceiverStatus = 500;
      const failed = await rejection(port.testHook(PROJECT, hook.id, "push_events"));
      expect(failed).toMatchObject({ kind: "bad-request", status: 422 });
      expect((await port.listHooks(PROJECT))[0]!.alertStatus).toBe("temporarily_disabled");
      state.hookReceiverStatus = 200;
      await port.testHook(PROJECT, hook.id, "push_events");
      expect((await port.listHooks(PROJECT))[0]).toMatchObject({
        alertStatus: "executable",
        disabledUntil: null,
      });
      state.hooks[0]!.recentFailures = 40;
      expect((await port.listHooks(PROJECT))[0]!.alertStatus).toBe("disabled");
    });

    it("lists the pipelines a user started since a time, newest first, one page of 100 at most", async () => {
      state.addProject("career/other");
      const at = (seconds: number) => new Date(Date.parse(state.now) - seconds * 1000).toISOString();
      const add = (seconds: number, options: { username?: string; source?: "web" | "schedule" } = {}) =>
        state.addPipeline(PROJECT, { username: BOT, ...options, createdAt: at(seconds) });
      add(90);
      const edge = add(61);
      // Created long ago, still running: updated in the window, created before it.
      const running = add(120);
      running.updatedAt = at(5);
      const recent = add(30);
      add(10, { username: "alice", source: "web" });
      state.addPipeline("career/other", { username: BOT, createdAt: at(5) });
      const scheduled = add(2, { source: "schedule" });
      const listed = await port.listRecentPipelines(PROJECT, { username: BOT, createdAfter: at(61) });
      expect(listed).toEqual([
        { id: scheduled.id, createdAt: at(2), source: "schedule" },
        { id: recent.id, createdAt: at(30), source: "trigger" },
        { id: edge.id, createdAt: at(61), source: "trigger" },
      ]);
      expect(await port.listRecentPipelines(PROJECT, { username: "nobody", createdAfter: at(61) })).toEqual(
        [],
      );
      const many = Array.from({ length: 105 }, () => add(1));
      const page = await port.listRecentPipelines(PROJECT, { username: BOT, createdAfter: at(61) });
      expect(page.map((pipeline) => pipeline.id)).toEqual(
        many
          .map((pipeline) => pipeline.id)
          .reverse()
          .slice(0, 100),
      );
      state.setRole(PROJECT, BOT, "guest");
      expect(
        await rejection(port.listRecentPipelines(PROJECT, { username: BOT, createdAfter: at(61) })),
      ).toMatchObject({ kind: "forbidden", status: 403 });
    });

    it("answers forbidden when the token's role is too low", async () => {
      state.setRole(PROJECT, BOT, "developer");
      for (const attempt of [
        () => port.createTriggerToken(PROJECT, "career-bot"),
        () => port.listHooks(PROJECT),
        () => port.createHook(PROJECT, { url: "https://x.example.com/", events: EVENTS }),
      ]) {
        expect(await rejection(attempt())).toMatchObject({ kind: "forbidden", status: 403 });
      }
      expect(
        await port.createSchedule(PROJECT, {
          description: "d",
          ref: "main",
          cron: "0 6 * * *",
          cronTimezone: "UTC",
          active: true,
        }),
      ).toMatchObject({ description: "d" });
      state.setRole(PROJECT, BOT, "reporter");
      expect((await rejection(port.listSchedules(PROJECT))).kind).toBe("forbidden");
    });
  });
}
