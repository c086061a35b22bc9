import { afterEach, describe, expect, it } from "vitest";
import { FakeGitLab } from "../../src/gitlab/fake/adapter.js";
import { FakeGitLabServer } from "../../src/gitlab/fake/http-server.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";
import { GitbeakerGitLab } from "../../src/gitlab/gitbeaker.js";
import type { GitLabPort } from "../../src/gitlab/port.js";
import { runSetup } from "../../src/setup/run-setup.js";
import { workflows } from "../../src/workflows/index.js";

/*
 * Issue 17 item 6: GitLab's `permissions` in GET /projects/:id show no role held through a group the
 * project is shared with; setup asks the members API then, instead of taking the token for one
 * below Maintainer and skipping the pipeline-variables step.
 */
const BOT = "career-bot";
const PROJECT = "org/careers";
const TOKEN = "glpat-invited-0001";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const ADAPTERS: Record<string, (state: FakeGitLabState) => Promise<GitLabPort>> = {
  "FakeGitLab (in memory)": async (state) => new FakeGitLab(state, { username: BOT }),
  "GitbeakerGitLab over HTTP": async (state) => {
    const server = await new FakeGitLabServer(state, { tokens: { [TOKEN]: BOT } }).start();
    close = server.close;
    return new GitbeakerGitLab({ host: server.url, token: TOKEN, retry: { sleep: async () => {} } });
  },
};

describe.each(Object.entries(ADAPTERS))(
  "setup with a Maintainer role from an invited group: %s",
  (_name, portOf) => {
    it("learns the role from the members API and sets pipeline variables up", async () => {
      const state = new FakeGitLabState({ now: "2026-02-02T09:00:00Z", users: [BOT], projects: [PROJECT] });
      const project = state.requireProject(PROJECT);
      project.pipelineVariablesRole = "no_one_allowed";
      state.setRole(PROJECT, BOT, "maintainer", "invited-group");
      const report = await runSetup(await portOf(state), {
        project: PROJECT,
        gitlabUrl: state.webUrl,
        workflows,
        timezone: "UTC",
        dryRun: false,
        secrets: [],
      });
      const step = report.steps.find((candidate) => candidate.step === "variables")!;
      expect(step.status).toBe("updated");
      expect(step.detail).toContain("(Maintainer)");
      expect(step.detail).not.toMatch(/only to Maintainers/);
      expect(project.pipelineVariablesRole).toBe("maintainer");
      expect(state.requestCounts.get("GET /projects/:id/members/all/:user_id")).toBe(1);
    });

    it("asks nothing more when permissions show the role", async () => {
      const state = new FakeGitLabState({ now: "2026-02-02T09:00:00Z", users: [BOT], projects: [PROJECT] });
      await runSetup(await portOf(state), {
        project: PROJECT,
        gitlabUrl: state.webUrl,
        workflows,
        timezone: "UTC",
        dryRun: true,
        secrets: [],
      });
      expect(state.requestCounts.get("GET /projects/:id/members/all/:user_id")).toBeUndefined();
    });
  },
);
