import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeGitLabServer, FakeGitLabState, type RunningServer } from "../../src/gitlab/fake/index.js";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;
const TOKEN = "glpat-bundle-test-token-9";
const SECRET = "bundle-test-webhook-secret";
const PROJECT = "org/careers";
const TEMPLATE = readFileSync(join(ROOT, ".gitlab/issue_templates/Interim manager.md"), "utf8");

// The bundle is built into an empty directory: no node_modules, templates or config beside it.
const dir = mkdtempSync(join(tmpdir(), "career-bot-bundle-"));
const bundle = join(dir, "career-bot.mjs");
let state: FakeGitLabState;
let gitlab: RunningServer;
let server: FakeGitLabServer;

beforeAll(async () => {
  await run(process.execPath, [join(ROOT, "scripts/bundle.mjs"), "--outfile", bundle], { cwd: ROOT });
  state = new FakeGitLabState({
    now: "2026-01-05T09:00:00Z",
    users: ["career-bot", "alice", "bob"],
    projects: [PROJECT],
  });
  state.addLabel(PROJECT, "career::interim-manager");
  server = new FakeGitLabServer(state, { tokens: { [TOKEN]: "career-bot" } });
  gitlab = await server.start();
}, 120_000);

afterAll(() => gitlab?.close());

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    GITLAB_URL: gitlab.url,
    CAREER_BOT_TOKEN: TOKEN,
    CAREER_BOT_PROJECT: PROJECT,
    ...extra,
  };
}

function node(args: string[], extra: NodeJS.ProcessEnv = {}) {
  return run(process.execPath, [bundle, ...args], { cwd: dir, env: env(extra), timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ ...error }),
  );
}

describe("the single-file bundle (dist/career-bot.mjs)", () => {
  it("prints its help with no node_modules around", async () => {
    const { code, stdout } = await node(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("career-bot <command> [options]");
    expect(stdout).toContain("career-bot setup");
  });

  it("validates the embedded templates and handles an event against GitLab", async () => {
    expect((await node(["validate"])).code).toBe(0);
    const opened = state.as("alice").openIssue({ title: "Interim manager: alice", description: TEMPLATE });
    const file = join(dir, "event.json");
    writeFileSync(file, JSON.stringify(opened.payload));
    const result = await node(["handle", "--payload", file, "--now", state.now]);
    expect(result.stderr).not.toContain(TOKEN);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/handle: 1 issue\(s\) seen, \d+ write\(s\)/);
    expect(state.findIssue(opened.issue.projectId, opened.issue.iid)!.labels).toContain(
      "career-stage::eligibility",
    );
    // GitLab CI hands the event over as TRIGGER_PAYLOAD, a file.
    const again = await node(["handle", "--now", state.now, "--json"], { TRIGGER_PAYLOAD: file });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ command: "handle", issuesSeen: 1 });
  });

  it("runs the demo", async () => {
    const { code, stdout } = await node(["demo"]);
    expect(code).toBe(0);
    expect(stdout).toContain("career-outcome::promoted");
  });

  it("serves until SIGTERM, then finishes the event in hand and exits 0", async () => {
    const child = spawn(process.execPath, [bundle, "serve", "--port", "0", "--now", state.now], {
      cwd: dir,
      env: env({ CAREER_BOT_WEBHOOK_SECRET: SECRET }),
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const url = await listeningUrl(child, () => stderr);
    const opened = state.as("alice").openIssue({ title: "Interim manager: alice", description: TEMPLATE });
    server.latencyMs = 50; // so the work is still in hand when the signal comes
    try {
      const response = await fetch(`${url}/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-gitlab-token": SECRET },
        body: JSON.stringify(opened.payload),
      });
      expect(response.status).toBe(202);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      server.latencyMs = 0;
      child.kill("SIGKILL");
    }
    expect(stderr).toMatch(/SIGTERM: no new events; finishing 1 in hand/);
    expect(stderr).toContain("career-bot serve: stopped");
    expect(stderr).not.toContain(SECRET);
    expect(state.findIssue(opened.issue.projectId, opened.issue.iid)!.labels).toContain(
      "career-stage::eligibility",
    );
  });
});

async function listeningUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  for (let i = 0; i < 300; i += 1) {
    const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr());
    if (found) return found[1]!;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`serve did not start: ${stderr()}`);
}
