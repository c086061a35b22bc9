import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Config } from "../../src/config/schema.js";
import { Renderer } from "../../src/engine/render.js";
import { FakeGitLab } from "../../src/gitlab/fake/index.js";
import { sweep } from "../../src/run/sweep.js";
import { BOT, BOT_TOKEN, CliHarness } from "../support/cli-harness.js";

const PROJECT = "org/careers";
const TEMPLATE = readFileSync(
  new URL("../../.gitlab/issue_templates/Interim manager.md", import.meta.url),
  "utf8",
);
const FAST = { CAREER_BOT_RETRY_BASE_MS: "1", CAREER_BOT_REQUEST_TIMEOUT_MS: "2000" };

let gitlab: CliHarness;
beforeEach(async () => {
  gitlab = await new CliHarness().start();
  gitlab.state.addLabel(PROJECT, "career::interim-manager");
});
afterEach(() => gitlab.stop());

function openInterim(count: number): number[] {
  return Array.from(
    { length: count },
    () =>
      gitlab.state
        .as("alice")
        .openIssue({ project: PROJECT, title: "Interim manager: alice", description: TEMPLATE }).issue.iid,
  );
}

describe("what an operator sees", () => {
  it("in GitLab CI: one collapsible log section per issue, then the closing summary", async () => {
    const [first, second] = openInterim(2);
    const id = gitlab.state.requireProject(PROJECT).id;
    const run = await gitlab.cli(["sweep", "--now", gitlab.state.now], { GITLAB_CI: "true" });
    expect(run.code).toBe(0);
    for (const iid of [first, second]) {
      expect(run.stderr).toMatch(
        new RegExp(
          `\\u001b\\[0Ksection_start:\\d+:issue_${id}_${iid}\\[collapsed=true\\]\\r\\u001b\\[0K${PROJECT}#${iid} Interim manager: alice\\n`,
        ),
      );
      expect(run.stderr).toMatch(
        new RegExp(`\\u001b\\[0Ksection_end:\\d+:issue_${id}_${iid}\\r\\u001b\\[0K`),
      );
    }
    const lines = run.stdout.trim().split("\n");
    // Every CI job paces (its writes may echo), so the pacing line closes the summary.
    expect(lines.at(-2)).toMatch(/^sweep: 2 issue\(s\) seen, \d+ write\(s\), 0 failure\(s\)$/);
    expect(lines.at(-1)).toMatch(/^pacing: \d+ write\(s\), no wait, at most 20 writes a minute/);
    expect(run.stdout).toMatch(new RegExp(`${id}#${first} \\(interim-manager eligibility\\) wrote: `));

    const local = await gitlab.cli(["sweep", "--now", gitlab.state.now]);
    expect(local.stderr).not.toContain("section_start");
  });

  it("lists each failure in the summary, does the rest, and exits 1", async () => {
    const [ok = 0, broken = 0] = openInterim(2);
    gitlab.server.fault = (request) =>
      request.method === "GET" && request.path.includes(`/issues/${broken}/notes`) ? { status: 500 } : null;
    const run = await gitlab.cli(["sweep", "--now", gitlab.state.now], FAST);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/sweep: 2 issue\(s\) seen, \d+ write\(s\), 1 failure\(s\)/);
    expect(run.stdout).toMatch(new RegExp(`FAILED \\d+#${broken}: GitLab GET .*answered 500`));
    expect(gitlab.state.findIssue(gitlab.state.requireProject(PROJECT).id, ok)!.labels).toContain(
      "career-stage::eligibility",
    );
    expect(run.stdout + run.stderr).not.toContain(BOT_TOKEN);
  });

  it("answers --json with the issues, their writes and the failures, and nothing else on stdout", async () => {
    openInterim(1);
    const run = await gitlab.cli(["sweep", "--json", "--now", gitlab.state.now]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ command: "sweep", dryRun: false, issuesSeen: 1, failures: [] });
    expect(summary.issues[0]).toMatchObject({ workflow: "interim-manager", stage: "eligibility" });
    expect(summary.issues[0].writes.length).toBeGreaterThan(0);
  });

  it("shows in a --dry-run --json each write as an object with the exact text it would post", async () => {
    const [iid = 0] = openInterim(1);
    gitlab.state.as("alice").comment(PROJECT, iid, "/career status");
    const id = gitlab.state.requireProject(PROJECT).id;
    const before = gitlab.state.requestCount("POST") + gitlab.state.requestCount("PUT");
    const run = await gitlab.cli(["sweep", "--dry-run", "--json", "--now", gitlab.state.now]);
    expect(run.code).toBe(0);
    expect(gitlab.state.requestCount("POST") + gitlab.state.requestCount("PUT")).toBe(before);
    const writes = JSON.parse(run.stdout).issues[0].writes as Array<Record<string, unknown>>;
    const note = writes.find((write) => write.kind === "note")!;
    expect(note).toMatchObject({ issue: `${id}#${iid}`, key: expect.any(String), what: `note ${note.key}` });
    expect(note.text).toContain(`<!-- career-bot:note key=${note.key} -->`); // the marker it would carry
    const update = writes.find((write) => write.kind === "update")!;
    expect(update.text).toMatch(/^<!-- career-bot:section:begin[\s\S]*<!-- career-bot:section:end -->$/);
    expect(update.changes).toMatchObject({
      addLabels: expect.arrayContaining(["career-stage::eligibility"]),
    });
    // The same run for people: one line per issue naming the writes.
    const text = await gitlab.cli(["sweep", "--dry-run", "--now", gitlab.state.now]);
    expect(text.stdout).toContain(`${id}#${iid} (interim-manager eligibility) would write: note ${note.key}`);
  });

  it("prints progress lines during a long sweep", async () => {
    openInterim(205);
    const lines: string[] = [];
    const port = new FakeGitLab(gitlab.state, { username: BOT });
    const summary = await sweep(
      {
        port,
        config: Config.parse({}),
        renderer: new Renderer(),
        bot: await port.currentUser(),
        now: new Date(gitlab.state.now),
        dryRun: true,
        budget: { limit: 100_000, used: 0 },
        reporter: { info: (line) => lines.push(line) },
        userCache: new Map(),
      },
      { project: PROJECT, secrets: [] },
    );
    expect(summary.issuesSeen).toBe(205);
    expect(lines.filter((line) => line.startsWith("progress:"))).toEqual([
      "progress: 100/205 issues",
      "progress: 200/205 issues",
    ]);
  });
});
