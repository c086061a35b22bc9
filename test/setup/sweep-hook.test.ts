import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failHook } from "../../src/gitlab/fake/hook-health.js";
import { BOT, CliHarness } from "../support/cli-harness.js";

const PROJECT = "org/careers";
const NOW = ["--now", "2026-01-05T09:00:00Z"];
let gitlab: CliHarness;

beforeEach(async () => {
  gitlab = await new CliHarness().start();
  expect((await gitlab.cli(["setup"])).code).toBe(0);
});
afterEach(() => gitlab.stop());

describe("career-bot sweep and the bot's webhook", () => {
  it("says nothing of a webhook that delivers, and exits 0", async () => {
    const run = await gitlab.cli(["sweep", ...NOW]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("WEBHOOK");
    expect(JSON.parse((await gitlab.cli(["sweep", "--json", ...NOW])).stdout).webhook).toMatchObject({
      status: "ok",
    });
  });

  it("does its work, then reports a webhook GitLab disabled and exits 1", async () => {
    failHook(gitlab.state, gitlab.state.hooks[0]!.id, 4);
    gitlab.state.requestCounts.clear();
    const run = await gitlab.cli(["sweep", ...NOW]);
    expect(run.code).toBe(1);
    // It read the due and the recently updated issues first: the hook check stops no work. With the
    // default config the dashboard is kept too: its lookup, the open and the closed issues (3 more).
    expect(gitlab.state.requestCount("GET /projects/:id/issues")).toBe(2 + 3);
    expect(run.stdout).toMatch(/sweep: \d+ issue\(s\) seen/);
    expect(run.stdout).toMatch(
      /WEBHOOK FAILING: hook #\d+ keeps failing: GitLab stopped it until 2026-01-05T09:01:00.000Z/,
    );
    expect(run.stdout).toContain("run career-bot setup");
    const json = JSON.parse((await gitlab.cli(["sweep", "--json", ...NOW])).stdout);
    expect(json.webhook).toMatchObject({ status: "failing" });

    gitlab.state.hooks[0]!.recentFailures = 40;
    const disabled = await gitlab.cli(["sweep", ...NOW]);
    expect(disabled.code).toBe(1);
    expect(disabled.stdout).toContain("is disabled after 40 failed deliveries");
  });

  it("says it could not check when the token may not read webhooks, without failing", async () => {
    failHook(gitlab.state, gitlab.state.hooks[0]!.id, 4);
    gitlab.state.setRole(PROJECT, BOT, "developer");
    const run = await gitlab.cli(["sweep", ...NOW]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "webhook: could not check the webhook: the token may not read webhooks (that needs the Maintainer role)",
    );
  });
});
