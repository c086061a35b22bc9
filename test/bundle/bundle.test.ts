import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FakeGitLabServer,
  FakeGitLabState,
  type RunningServer,
  type WebhookPayload,
} from "../../src/gitlab/fake/index.js";
import { writeForeignBlob } from "../support/foreign-blob.js";
import { snapshotBuildsHere } from "../support/snapshot-node.js";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;
const TOKEN = "glpat-bundle-test-token-9";
const SECRET = "bundle-test-webhook-secret";
const PROJECT = "org/careers";
const TEMPLATE = readFileSync(join(ROOT, ".gitlab/issue_templates/Interim manager.md"), "utf8");

// The bundle is built into an empty directory: no node_modules, templates or config beside it. On
// the release image's node the build also makes the startup snapshot the bot jobs start from, beside
// it (test/support/snapshot-node.ts); the bundle's own tests run on every node.
const dir = mkdtempSync(join(tmpdir(), "career-bot-bundle-"));
const bundle = join(dir, "career-bot.mjs");
const blob = join(dir, "career-bot.blob");
let state: FakeGitLabState;
let gitlab: RunningServer;
let server: FakeGitLabServer;

beforeAll(async () => {
  const noSnapshot = snapshotBuildsHere ? [] : ["--no-snapshot"];
  await run(process.execPath, [join(ROOT, "scripts/bundle.mjs"), "--outfile", bundle, ...noSnapshot], {
    cwd: ROOT,
  });
  state = new FakeGitLabState({
    now: "2026-01-05T09:00:00Z",
    users: ["career-bot", "alice", "bob", "pat"],
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

function node(args: string[], extra: NodeJS.ProcessEnv = {}, cwd = dir) {
  return run(process.execPath, args[0] === "--snapshot-blob" ? args : [bundle, ...args], {
    cwd,
    env: env(extra),
    timeout: 60_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ ...error }),
  );
}

/** The bot as the CI jobs start it: `node --snapshot-blob dist/career-bot.blob <args>`. */
function snapshot(args: string[], extra: NodeJS.ProcessEnv = {}, cwd = dir) {
  return node(["--snapshot-blob", blob, ...args], extra, cwd);
}

describe("the single-file bundle (dist/career-bot.mjs)", () => {
  it("prints its help with no node_modules around", async () => {
    const { code, stdout } = await node(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("career-bot <command> [options]");
    expect(stdout).toContain("career-bot setup");
  });

  // (From the snapshot, `node --snapshot-blob B --version` is node's own option: node's version.)
  it("prints package.json's version with no package.json around", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(await node(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
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

describe.runIf(snapshotBuildsHere)("the startup snapshot (dist/career-bot.blob)", () => {
  it("handles an event as the CI job runs it: TRIGGER_PAYLOAD, settings from the environment", async () => {
    const opened = state.as("alice").openIssue({ title: "Interim manager: alice", description: TEMPLATE });
    // Another directory than the one the blob was built in; the event file is relative to it.
    const work = mkdtempSync(join(tmpdir(), "career-bot-job-"));
    writeFileSync(join(work, "event.json"), JSON.stringify(opened.payload));
    const result = await snapshot(["handle", "--now", state.now], { TRIGGER_PAYLOAD: "event.json" }, work);
    expect(result.stderr).not.toContain(TOKEN);
    expect(result.stderr).not.toMatch(/Warning|Error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/handle: 1 issue\(s\) seen, \d+ write\(s\)/);
    expect(state.findIssue(opened.issue.projectId, opened.issue.iid)!.labels).toContain(
      "career-stage::eligibility",
    );
  });

  it("leaves GitLab exactly as the bundle does, event after event", async () => {
    // Two GitLabs in the same state; one is driven by the bundle, the other by the snapshot.
    const twins = await Promise.all([twinGitLab(), twinGitLab()]);
    try {
      const [viaBundle, viaSnapshot] = await Promise.all(
        twins.map(async (twin, i) => {
          const start = (args: string[], extra: NodeJS.ProcessEnv) =>
            i === 0 ? node(args, extra) : snapshot(args, extra);
          const extra = { GITLAB_URL: twin.running.url, TZ: "Pacific/Auckland" };
          const opened = twin.state.as("alice").openIssue({
            title: "Interim manager: alice",
            description: TEMPLATE,
          });
          const events: WebhookPayload[] = [opened.payload];
          const codes: number[] = [];
          for (const text of ["/career status", "/career help", "/career hire @alice 2026-02-01"]) {
            for (const payload of events.splice(0)) {
              const file = join(dir, `twin-${i}-${codes.length}.json`);
              writeFileSync(file, JSON.stringify(payload));
              const result = await start(
                ["handle", "--payload", file, "--now", twin.state.now, "--json"],
                extra,
              );
              codes.push(result.code);
            }
            const comment = twin.state.as("bob").comment(PROJECT, opened.issue.iid, text);
            if (comment.payload) events.push(comment.payload);
          }
          twin.state.now = "2026-04-06T09:00:00Z";
          codes.push((await start(["sweep", "--now", twin.state.now], extra)).code);
          return { codes, issues: twin.state.issues, notes: twin.state.notes };
        }),
      );
      expect(viaBundle!.codes.every((code) => code === 0)).toBe(true);
      expect(viaBundle!.notes.length).toBeGreaterThan(8); // replies, a refusal, a reminder
      expect(viaSnapshot).toEqual(viaBundle);
    } finally {
      await Promise.all(twins.map((twin) => twin.running.close()));
    }
  });

  it("parses every other command line with yargs, as the bundle does", async () => {
    const help = await snapshot(["--", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe((await node(["--help"])).stdout);
    const wrong = await snapshot(["handle", "--payload"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe((await node(["handle", "--payload"])).stderr);
    const ladder = await snapshot(["ladder", "Senior Backend Engineer"]);
    expect(ladder.code).toBe(0);
    expect(ladder.stdout).toBe((await node(["ladder", "Senior Backend Engineer"])).stdout);
  });

  it("is refused with exit code 14 by another node version, before running anything", async () => {
    const requests = state.requestCounts.size;
    const foreign = join(dir, "foreign.blob");
    writeForeignBlob(blob, foreign);
    const refused = await node(["--snapshot-blob", foreign, "handle", "--payload", "missing.json"]);
    expect(refused.code).toBe(14);
    expect(refused.stderr).toContain("built with");
    expect(state.requestCounts.size).toBe(requests);
  });
});

/** A GitLab with the users, project and label every twin starts with. */
async function twinGitLab() {
  const twin = new FakeGitLabState({
    now: "2026-01-05T09:00:00Z",
    users: ["career-bot", "alice", "bob", "pat"],
    projects: [PROJECT],
  });
  twin.addLabel(PROJECT, "career::interim-manager");
  twin.setRole(PROJECT, "bob", "maintainer");
  const running = await new FakeGitLabServer(twin, { tokens: { [TOKEN]: "career-bot" } }).start();
  return { state: twin, running };
}

async function listeningUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  for (let i = 0; i < 300; i += 1) {
    const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr());
    if (found) return found[1]!;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`serve did not start: ${stderr()}`);
}
