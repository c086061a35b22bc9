import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failHook } from "../../src/gitlab/fake/hook-health.js";
import { labelCatalogue } from "../../src/setup/labels.js";
import { workflows } from "../../src/workflows/index.js";
import { BOT, BOT_TOKEN, CliHarness } from "../support/cli-harness.js";

const PROJECT = "org/careers";
let gitlab: CliHarness;

beforeEach(async () => {
  gitlab = await new CliHarness().start();
});
afterEach(() => gitlab.stop());

function projectId(): number {
  return gitlab.state.requireProject(PROJECT).id;
}

function triggerEndpoint(): string {
  return `${gitlab.url}/api/v4/projects/${projectId()}/ref/main/trigger/pipeline`;
}

function expectNoToken(text: string): void {
  expect(text).not.toContain(BOT_TOKEN);
  for (const trigger of gitlab.state.triggers) expect(text).not.toContain(trigger.token);
  expect(text).not.toContain("hook-secret-0001");
}

describe("career-bot setup", () => {
  it("creates every label, the trigger, the webhook to it and the schedule, printing no token", async () => {
    const run = await gitlab.cli(["setup"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const catalogue = labelCatalogue(workflows);
    const labels = gitlab.state.projectLabels(projectId());
    expect(labels.map((l) => l.name).sort()).toEqual(catalogue.map((l) => l.name).sort());
    for (const label of labels) {
      const spec = catalogue.find((l) => l.name === label.name)!;
      expect(label).toMatchObject({ color: spec.color, description: spec.description });
    }

    expect(gitlab.state.triggers).toHaveLength(1);
    const trigger = gitlab.state.triggers[0]!;
    expect(trigger).toMatchObject({ description: "career-bot", ownerId: gitlab.state.requireUser(BOT).id });
    expect(gitlab.state.hooks).toHaveLength(1);
    expect(gitlab.state.hooks[0]).toMatchObject({
      url: `${triggerEndpoint()}?token={trigger_token}`,
      urlVariables: { trigger_token: trigger.token },
      issuesEvents: true,
      confidentialIssuesEvents: true,
      noteEvents: true,
      confidentialNoteEvents: true,
      pushEvents: false,
    });
    expect(gitlab.state.schedules).toEqual([
      expect.objectContaining({
        description: "career-bot sweep",
        ref: "main",
        cron: "0 6 * * *",
        cronTimezone: "UTC",
        active: true,
      }),
    ]);

    expect(run.stdout).toContain(`${triggerEndpoint()}?token={trigger_token}`);
    expect(run.stdout).toMatch(/labels\s+created\s+created \d+ label/);
    expect(run.stdout).toContain("+ career::interim-manager");
    expectNoToken(run.stdout + run.stderr);
  });

  it("changes nothing the second time", async () => {
    expect((await gitlab.cli(["setup"])).code).toBe(0);
    const writes = gitlab.writes();
    const again = await gitlab.cli(["setup"]);
    expect(again.code).toBe(0);
    expect(gitlab.writes()).toBe(writes);
    expect(again.stdout).toMatch(/setup: 5 step\(s\): 0 changed, 5 unchanged, 0 not done/);
    expect(gitlab.state.triggers).toHaveLength(1);
    expect(gitlab.state.hooks).toHaveLength(1);
    expectNoToken(again.stdout);
  });

  it("prints the plan and writes nothing with --dry-run", async () => {
    const run = await gitlab.cli(["setup", "--dry-run"]);
    expect(run.code).toBe(0);
    expect(gitlab.writes()).toBe(0);
    expect(run.stdout).toContain("dry run");
    expect(run.stdout).toContain("would create pipeline trigger");
    expect(run.stdout).toContain(`would create ${triggerEndpoint()}?token={trigger_token}`);
    expect(run.stdout).toContain('would create "career-bot sweep" 0 6 * * * (UTC) on main');
    expect(run.stdout).toMatch(/would create \d+ label\(s\)/);
  });

  it("says what it could not do and how, goes on with the rest, and exits 1", async () => {
    gitlab.state.setRole(PROJECT, BOT, "developer");
    const run = await gitlab.cli(["setup"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/trigger\s+FAILED/);
    expect(run.stdout).toContain("needs the Maintainer role");
    expect(run.stdout).toContain("Settings > CI/CD > Pipeline trigger tokens");
    expect(run.stdout).toMatch(/webhook\s+SKIPPED/);
    // A Developer may not read who may use pipeline variables either.
    expect(run.stdout).toMatch(/variables\s+SKIPPED\s+cannot read who may use pipeline variables/);
    expect(run.stderr).toContain("setup could not do 3 step(s)");
    // The steps the Developer token may do were done.
    expect(gitlab.state.projectLabels(projectId()).length).toBe(labelCatalogue(workflows).length);
    expect(gitlab.state.schedules).toHaveLength(1);
    expect(gitlab.state.triggers).toEqual([]);
    expectNoToken(run.stdout + run.stderr);

    gitlab.state.setRole(PROJECT, BOT, "maintainer");
    const fixed = await gitlab.cli(["setup"]);
    expect(fixed.code).toBe(0);
    expect(gitlab.state.hooks).toHaveLength(1);
    expect(fixed.stdout).toMatch(/labels\s+unchanged/);
  });

  it("points the webhook at serve with the secret, without a trigger", async () => {
    const url = "https://bot.example.com/webhook";
    const secret = { CAREER_BOT_WEBHOOK_SECRET: "hook-secret-0001" };
    const run = await gitlab.cli(["setup", "--webhook-url", url], secret);
    expect(run.code).toBe(0);
    expect(gitlab.state.triggers).toEqual([]);
    expect(gitlab.state.hooks).toEqual([
      expect.objectContaining({ url, token: "hook-secret-0001", noteEvents: true, pushEvents: false }),
    ]);
    expectNoToken(run.stdout + run.stderr);
    expect((await gitlab.cli(["setup", "--webhook-url", url], secret)).stdout).toMatch(/webhook\s+unchanged/);

    const without = await gitlab.cli(["setup", "--webhook-url", url]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain("CAREER_BOT_WEBHOOK_SECRET");
  });

  it("masks a hand-made hook's plain token and corrects its events and a changed cron", async () => {
    expect((await gitlab.cli(["setup"])).code).toBe(0);
    const hook = gitlab.state.hooks[0]!;
    hook.noteEvents = false;
    const run = await gitlab.cli(["setup", "--cron", "0 * * * *"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("comments events off -> on");
    expect(run.stdout).toContain("cron 0 6 * * * -> 0 * * * *");
    expect(gitlab.state.hooks[0]).toMatchObject({
      noteEvents: true,
      urlVariables: { trigger_token: gitlab.state.triggers[0]!.token },
    });
    expect(gitlab.state.schedules[0]!.cron).toBe("0 * * * *");

    hook.url = `${triggerEndpoint()}?token=glptt-plain-in-the-url`;
    hook.urlVariables = {};
    hook.issuesEvents = false;
    const plain = await gitlab.cli(["setup", "--cron", "0 * * * *"]);
    expect(plain.stdout).toContain(`${triggerEndpoint()}?token=[masked]`);
    expect(plain.stdout).not.toContain("glptt-plain-in-the-url");

    // A later run without --cron keeps the hourly schedule someone chose.
    const keep = await gitlab.cli(["setup"]);
    expect(keep.stdout).toMatch(/schedule\s+unchanged/);
    expect(gitlab.state.schedules[0]!.cron).toBe("0 * * * *");
  });

  it("answers --json with every step", async () => {
    const run = await gitlab.cli(["setup", "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ command: "setup", project: { path: PROJECT, defaultBranch: "main" } });
    expect(report.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual([
      "labels:created",
      "variables:unchanged",
      "trigger:created",
      "webhook:created",
      "schedule:created",
    ]);
    expectNoToken(run.stdout);
  });

  it("refuses a cron that is not five fields, and a project without a default branch skips its pipeline steps", async () => {
    expect((await gitlab.cli(["setup", "--cron", "daily"])).code).toBe(2);
    expect((await gitlab.cli(["setup", "--cron", "0 25 * * *"])).code).toBe(2);
    expect((await gitlab.cli(["setup", "--cron", "*/15 6-18 * * 1-5"])).code).not.toBe(2);
    gitlab.state.requireProject(PROJECT).defaultBranch = null;
    const run = await gitlab.cli(["setup"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/webhook\s+SKIPPED.*no default branch/);
    expect(run.stdout).toMatch(/schedule\s+SKIPPED/);
  });
});

describe("career-bot setup and what GitLab enforces", () => {
  it("plans lowering the pipeline-variables setting with --dry-run, and lowers it without", async () => {
    gitlab.state.requireProject(PROJECT).pipelineVariablesRole = "no_one_allowed";
    const plan = await gitlab.cli(["setup", "--dry-run"]);
    expect(plan.code).toBe(0);
    expect(gitlab.writes()).toBe(0);
    expect(plan.stdout).toMatch(/variables\s+planned\s+would let @career-bot \(Maintainer\)/);
    expect(plan.stdout).toContain("ci_pipeline_variables_minimum_override_role no_one_allowed -> maintainer");
    const run = await gitlab.cli(["setup"]);
    expect(run.code).toBe(0);
    expect(gitlab.state.requireProject(PROJECT).pipelineVariablesRole).toBe("maintainer");
  });

  it("does every other step and exits 1 naming the setting, the Owner role and where to change it", async () => {
    gitlab.state.requireProject(PROJECT).pipelineVariablesRole = "owner";
    const run = await gitlab.cli(["setup"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/variables\s+FAILED\s+ci_pipeline_variables_minimum_override_role is owner/);
    expect(run.stdout).toContain('Settings > CI/CD > Variables > "Minimum role to use pipeline variables"');
    expect(run.stdout).toContain("only the Owner role may change the setting");
    expect(run.stdout).toContain(
      `PUT /projects/${projectId()} with ci_pipeline_variables_minimum_override_role=maintainer`,
    );
    expect(run.stderr).toContain("setup could not do 1 step(s)");
    expect(gitlab.state.hooks).toHaveLength(1);
    expect(gitlab.state.schedules).toHaveLength(1);
  });

  it("with --no-webhook makes no trigger and no webhook, needs no pipeline variables and sweeps hourly", async () => {
    gitlab.state.requireProject(PROJECT).pipelineVariablesRole = "owner";
    const run = await gitlab.cli(["setup", "--no-webhook"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/variables\s+unchanged\s+not needed \(--no-webhook/);
    expect(run.stdout).toMatch(/webhook\s+unchanged\s+none made \(--no-webhook/);
    expect(gitlab.state.triggers).toHaveLength(0);
    expect(gitlab.state.hooks).toHaveLength(0);
    expect(gitlab.state.requireProject(PROJECT).pipelineVariablesRole).toBe("owner");
    expect(gitlab.state.schedules.map((schedule) => schedule.cron)).toEqual(["0 * * * *"]);
    // A webhook an earlier setup made is pointed out, not deleted; a daily schedule becomes hourly.
    gitlab.state.requireProject(PROJECT).pipelineVariablesRole = "maintainer";
    expect((await gitlab.cli(["setup", "--cron", "0 6 * * *"])).code).toBe(0);
    const again = await gitlab.cli(["setup", "--no-webhook"]);
    expect(again.stdout).toMatch(/webhook\s+unchanged\s+left in place: career-bot's webhook #\d+/);
    expect(again.stdout).toContain("delete it in Settings > Webhooks");
    expect(gitlab.state.hooks).toHaveLength(1);
    expect(gitlab.state.schedules.map((schedule) => schedule.cron)).toEqual(["0 * * * *"]);
    const both = await gitlab.cli(["setup", "--no-webhook", "--webhook-url", "https://bot.example.com/"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("contradict");
  });

  it("exits 2 with the fix when the project or the token is wrong: bad config, not failed work", async () => {
    for (const command of ["setup", "sweep"]) {
      const missing = await gitlab.cli([command, "--project", "org/no-such-project"]);
      expect(missing.code, command).toBe(2);
      expect(missing.stderr).toContain(
        'project "org/no-such-project" (--project, CAREER_BOT_PROJECT or CI_PROJECT_ID)',
      );
      const rejected = await gitlab.cli([command, "--token", "glpat-wrong-0000"]);
      expect(rejected.code, command).toBe(2);
      expect(rejected.stderr).toContain("rejected the token (401)");
      expect(rejected.stdout + rejected.stderr).not.toContain("glpat-wrong-0000");
    }
  });

  it("judges GitLab before 17.1 by restrict_user_defined_variables, and says serve needs no variables", async () => {
    gitlab.state.legacyPipelineVariables = true;
    const run = await gitlab.cli(["setup"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /variables\s+unchanged\s+restrict_user_defined_variables is true \(GitLab before 17.1\)/,
    );
    const serve = await gitlab.cli(["setup", "--webhook-url", "https://bot.example.com/webhook"], {
      CAREER_BOT_WEBHOOK_SECRET: "hook-secret-0001",
    });
    expect(serve.stdout).toMatch(/variables\s+unchanged\s+not needed: career-bot serve/);
  });

  it("re-enables a webhook GitLab disabled, once the trigger may run its pipelines", async () => {
    expect((await gitlab.cli(["setup"])).code).toBe(0);
    const hook = failHook(gitlab.state, gitlab.state.hooks[0]!.id, 4);
    expect(hook.disabledUntil).not.toBeNull();
    // While the bot may not use variables, the test delivery is refused too.
    gitlab.state.requireProject(PROJECT).pipelineVariablesRole = "owner";
    const refused = await gitlab.cli(["setup"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(
      /webhook\s+FAILED\s+hook #\d+: GitLab disabled it until 2026-01-05T09:01:00.000Z/,
    );
    expect(refused.stdout).toContain("Insufficient permissions to set pipeline variables");
    gitlab.state.requireProject(PROJECT).pipelineVariablesRole = "maintainer";
    const run = await gitlab.cli(["setup"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/webhook\s+updated/);
    expect(run.stdout).toContain("re-enable: GitLab disabled it until");
    expect(hook).toMatchObject({ recentFailures: 0, disabledUntil: null });
    expect(gitlab.state.requestCount("POST /projects/:id/hooks/:hook_id/test/:trigger")).toBe(2);
  });

  it("warns when GITLAB_URL is not the instance's external URL, and not when it is", async () => {
    const run = await gitlab.cli(["setup"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `note: GITLAB_URL is ${gitlab.url}, but GitLab's external URL is https://gitlab.example.com`,
    );
    expect(run.stdout).toContain("Set GITLAB_URL (or --gitlab-url) to https://gitlab.example.com");
    gitlab.state.webUrl = gitlab.url;
    expect((await gitlab.cli(["setup"])).stdout).not.toContain("external URL");
  });
});
