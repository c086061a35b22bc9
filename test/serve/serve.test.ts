import { readFileSync } from "node:fs";
import { request } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { Config } from "../../src/config/schema.js";
import { FakeGitLabServer, FakeGitLabState, type RunningServer } from "../../src/gitlab/fake/index.js";
import { GitbeakerGitLab } from "../../src/gitlab/gitbeaker.js";
import type { RunSummary } from "../../src/run/summary.js";
import { serveLog } from "../../src/serve/log.js";
import { type RunningServe, startServe } from "../../src/serve/start.js";
import { ManualTimers } from "../support/manual-timers.js";
import { expectNoDuplicates } from "../support/scenario.js";

const PROJECT = "org/careers";
const SECRET = "webhook-secret-for-tests";
const TOKEN = "glpat-serve-test-token-77";
const TEMPLATE = readFileSync(
  new URL("../../.gitlab/issue_templates/Interim manager.md", import.meta.url),
  "utf8",
);

let state: FakeGitLabState;
let gitlab: FakeGitLabServer;
let gitlabRunning: RunningServer;
let serve: RunningServe;
let lines: string[];
let handled: Array<RunSummary | undefined>;
let timers: ManualTimers;
/** Resolved from onHandled: tests wait on the events being handled, not on the clock. */
let waiters: Array<{ count: number; resolve: () => void }>;

beforeEach(async () => {
  state = new FakeGitLabState({
    now: "2026-01-05T09:00:00Z",
    users: ["career-bot", "alice", "bob", "pat"],
    projects: [PROJECT],
  });
  state.addLabel(PROJECT, "career::interim-manager");
  gitlab = new FakeGitLabServer(state, { tokens: { [TOKEN]: "career-bot" } });
  gitlabRunning = await gitlab.start();
  lines = [];
  handled = [];
  timers = new ManualTimers();
  waiters = [];
  serve = await startServe({
    gitlab: new GitbeakerGitLab({ host: gitlabRunning.url, token: TOKEN, retry: { sleep: async () => {} } }),
    config: Config.parse({ people_ops: ["pat"] }),
    // The fake's clock is the scenario's clock.
    clock: () => new Date(state.now),
    secret: SECRET,
    project: PROJECT,
    host: "127.0.0.1",
    port: 0,
    secrets: [TOKEN],
    log: serveLog(
      "text",
      (line) => lines.push(line),
      () => new Date(),
    ),
    onHandled: (summary) => {
      handled.push(summary);
      for (const waiter of waiters.filter((w) => handled.length >= w.count)) waiter.resolve();
    },
    timers,
  });
});

afterEach(async () => {
  await serve.stop();
  await gitlabRunning.close();
});

function post(body: unknown, headers: Record<string, string> = {}, path = "/webhook") {
  return fetch(`${serve.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-gitlab-token": SECRET, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Resolves once `count` events have been handled in all (stop() or the test timeout ends a hang). */
function handledCount(count: number): Promise<void> {
  if (handled.length >= count) return Promise.resolve();
  return new Promise((resolve) => waiters.push({ count, resolve }));
}

function openIssue() {
  return state.as("alice").openIssue({ title: "Interim manager: alice", description: TEMPLATE });
}

describe("career-bot serve", () => {
  it("answers GET /healthz, 405 for other methods, 404 elsewhere", async () => {
    const health = await fetch(`${serve.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);
    const get = await fetch(`${serve.url}/`);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
    expect((await fetch(`${serve.url}/webhook`, { method: "PUT", body: "{}" })).status).toBe(405);
    expect((await fetch(`${serve.url}/healthz`, { method: "POST", body: "{}" })).status).toBe(405);
    expect((await fetch(`${serve.url}/nope`)).status).toBe(404);
    expect((await post({}, {}, "/hooks")).status).toBe(404);
  });

  it("answers 401 without the right X-Gitlab-Token and does nothing", async () => {
    const { payload } = openIssue();
    expect((await post(payload, { "x-gitlab-token": "wrong" })).status).toBe(401);
    const missing = await fetch(`${serve.url}/`, { method: "POST", body: JSON.stringify(payload) });
    expect(missing.status).toBe(401);
    // stop() resolves once every queued event is handled: anything the 401s let in would show here.
    await serve.stop();
    expect(handled).toEqual([]);
    expect(state.requestCount("POST")).toBe(0);
  });

  it("answers 413 for a body over 1 MB and 400 for malformed JSON", async () => {
    expect((await post(`{"x":"${"a".repeat(1024 * 1024)}"}`)).status).toBe(413);
    expect((await post("{not json")).status).toBe(400);
    expect((await post("[1,2]")).status).toBe(400);
    expect(handled).toEqual([]);
  });

  it("takes two different events that share a delivery UUID (older GitLab's recursive hooks) as two", async () => {
    const first = openIssue();
    const second = openIssue();
    const uuid = { "x-gitlab-event-uuid": "1a2b3c4d-0000-4000-8000-000000000001" };
    expect((await post(first.payload, uuid)).status).toBe(202);
    expect((await post(second.payload, uuid)).status).toBe(202);
    // The same body again under that UUID is a redelivery.
    expect((await post(first.payload, uuid)).status).toBe(200);
    await handledCount(2);
    await serve.stop();
    expect(handled).toHaveLength(2);
  });

  it("answers 202 before the work and then handles the event like `handle`", async () => {
    gitlab.latencyMs = 40;
    const { payload, issue } = openIssue();
    const response = await post(payload, { "x-gitlab-event": "Issue Hook", "idempotency-key": "d-1" });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: "accepted" });
    expect(state.findIssue(issue.projectId, issue.iid)!.labels).not.toContain("career-stage::eligibility");
    expect(serve.inHand()).toBe(1);
    await handledCount(1);
    expect(state.findIssue(issue.projectId, issue.iid)!.labels).toContain("career-stage::eligibility");
    // One line for the event: when, which event, which issue, and what came of it (the note that
    // records the workflow's people, then the section).
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z Issue Hook \d+#1: done, 2 writes: note people:record; update section \+career-stage::eligibility/,
    );
  });

  it("drops a redelivery with the same Idempotency-Key", async () => {
    const { payload } = openIssue();
    expect((await post(payload, { "idempotency-key": "same" })).status).toBe(202);
    const again = await post(payload, { "idempotency-key": "same" });
    expect([again.status, await again.json()]).toEqual([200, { status: "duplicate" }]);
    expect((await post(payload, { "idempotency-key": "other" })).status).toBe(202);
    await handledCount(2);
    // stop() resolves once every queued event is handled: a redelivery let in would be a third.
    await serve.stop();
    expect(handled).toHaveLength(2);
  });

  it("handles one issue's events one after the other, and different issues side by side", async () => {
    // Each request to GitLab takes 15 ms; count how many are in flight at once.
    let inFlight = 0;
    let peak = 0;
    gitlab.latencyMs = () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight -= 1;
      }, 15);
      return 15;
    };
    const opened = openIssue();
    const comment = state.as("alice").comment(PROJECT, opened.issue.iid, "/career status");
    expect((await post(opened.payload)).status).toBe(202);
    expect((await post(comment.payload!)).status).toBe(202);
    await handledCount(2);
    expect(peak).toBe(1);
    expect(handled.every((summary) => summary && summary.failures.length === 0)).toBe(true);

    peak = 0;
    const others = [openIssue(), openIssue(), openIssue()];
    for (const other of others) expect((await post(other.payload)).status).toBe(202);
    await handledCount(5);
    expect(peak).toBeGreaterThan(1);
  });

  it("never answers 5xx for an event when GitLab fails, and logs the failure without secrets", async () => {
    gitlab.fault = () => ({ status: 500 });
    const { payload } = openIssue();
    expect((await post(payload)).status).toBe(202);
    await handledCount(1);
    expect(lines[0]).toMatch(/ \d+#1: failed: /);
    // A 500 is worth a retry: one is waiting, and stopping drops it with a line that says so.
    expect(lines[1]).toMatch(/serve: \d+#1: GitLab was busy or unreachable; retry 1 of 3 in 5 s$/);
    expect(lines).toHaveLength(2);
    expect(lines.join("\n")).not.toContain(SECRET);
    expect(lines.join("\n")).not.toContain(TOKEN);
    gitlab.fault = undefined;
    expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
  });

  it("re-queues an issue whose note GitLab answered 502 (saved or not), and it converges with no duplicate", async () => {
    const opened = openIssue();
    const comment = state.as("alice").comment(PROJECT, opened.issue.iid, "/career status");
    // The reply is saved, but GitLab answers 502: the run cannot know, so the POST is not repeated.
    gitlab.fault = (request) =>
      request.method === "POST" && request.route.endsWith("/notes")
        ? { status: 502, afterWrite: true }
        : null;
    expect((await post(comment.payload!)).status).toBe(202);
    await handledCount(1);
    expect(handled[0]!.failures).toEqual([expect.objectContaining({ retryable: true })]);
    expect(serve.retries().waiting).toBe(1);
    gitlab.fault = undefined;
    timers.advance(4_999);
    expect(handled).toHaveLength(1);
    timers.advance(1);
    await handledCount(2);
    expect(handled[1]!.failures).toEqual([]);
    expect(serve.retries()).toEqual({ waiting: 0, retried: 1, gaveUp: 0, superseded: 0 });
    const issue = state.findIssue(opened.issue.projectId, opened.issue.iid)!;
    expect(issue.labels).toContain("career-stage::eligibility");
    const bot = state.requireUser("career-bot").id;
    const replies = state
      .notesOf(issue.id)
      .filter((n) => n.authorId === bot && n.body.includes("key=reply:"));
    expect(replies).toHaveLength(1);
    expectNoDuplicates(state);
    expect(lines).toContainEqual(expect.stringMatching(/ event \(retry 1\) \d+#1: done, /));
    expect(lines).toContainEqual(expect.stringMatching(/serve: \d+#1: retry 1 of 3$/));
  });

  it("gives up after the last retry with a line that says the sweep will finish it", async () => {
    const { payload } = openIssue();
    gitlab.fault = (request) => (request.method === "PUT" ? { status: 503 } : null);
    expect((await post(payload)).status).toBe(202);
    for (const [count, wait] of [
      [1, 5_000],
      [2, 30_000],
      [3, 120_000],
    ] as const) {
      await handledCount(count);
      timers.advance(wait);
    }
    await handledCount(4);
    expect(timers.pending).toBe(0);
    expect(serve.retries()).toEqual({ waiting: 0, retried: 3, gaveUp: 1, superseded: 0 });
    expect(lines.at(-1)).toMatch(/not retried \(no retries left after 3\): the next sweep will finish it$/);
  });

  it("does not re-queue what a retry cannot mend (403)", async () => {
    const { payload } = openIssue();
    gitlab.fault = (request) => (request.method === "PUT" ? { status: 403, message: "403 Forbidden" } : null);
    expect((await post(payload)).status).toBe(202);
    await handledCount(1);
    expect(handled[0]!.failures).toHaveLength(1);
    expect(handled[0]!.failures[0]!.retryable).toBeUndefined();
    expect(timers.pending).toBe(0);
    expect(lines.join("\n")).not.toContain("retry");
  });

  it("finishes the events in hand when stopped, and then accepts no more", async () => {
    gitlab.latencyMs = 30;
    const { payload, issue } = openIssue();
    expect((await post(payload)).status).toBe(202);
    await serve.stop();
    expect(handled).toHaveLength(1);
    expect(state.findIssue(issue.projectId, issue.iid)!.labels).toContain("career-stage::eligibility");
    await expect(fetch(`${serve.url}/healthz`)).rejects.toThrow();
  });
});

describe("serve's body limit", () => {
  let small: RunningServe;
  const LIMIT = 256;

  beforeEach(async () => {
    small = await startServe({
      gitlab: new GitbeakerGitLab({
        host: gitlabRunning.url,
        token: TOKEN,
        retry: { sleep: async () => {} },
      }),
      config: Config.parse({ people_ops: ["pat"] }),
      clock: () => new Date(state.now),
      secret: SECRET,
      project: PROJECT,
      host: "127.0.0.1",
      port: 0,
      maxBodyBytes: LIMIT,
      log: serveLog(
        "text",
        () => {},
        () => new Date(),
      ),
      timers: new ManualTimers(),
    });
  });
  afterEach(() => small.stop());

  /** A JSON object of exactly `bytes` bytes. */
  function bodyOf(bytes: number): string {
    const shell = JSON.stringify({ object_kind: "push", pad: "" });
    return JSON.stringify({ object_kind: "push", pad: "x".repeat(bytes - shell.length) });
  }

  function send(body: string, chunked: boolean): Promise<number> {
    return new Promise((resolve, reject) => {
      const url = new URL(small.url);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: "POST",
          path: "/webhook",
          headers: {
            "content-type": "application/json",
            "x-gitlab-token": SECRET,
            ...(chunked ? { "transfer-encoding": "chunked" } : { "content-length": Buffer.byteLength(body) }),
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      if (chunked) for (let at = 0; at < body.length; at += 50) req.write(body.slice(at, at + 50));
      else req.write(body);
      req.end();
    });
  }

  it.each([false, true])(
    "accepts a body of exactly the limit and refuses one byte more (chunked: %s)",
    async (chunked) => {
      expect(bodyOf(LIMIT)).toHaveLength(LIMIT);
      expect(await send(bodyOf(LIMIT), chunked)).toBe(202);
      expect(await send(bodyOf(LIMIT + 1), chunked)).toBe(413);
    },
  );
});

describe("career-bot serve on the command line", () => {
  it("refuses to start without CAREER_BOT_WEBHOOK_SECRET (exit 2)", async () => {
    let stderr = "";
    const code = await main(
      ["serve", "--port", "0"],
      { GITLAB_URL: "http://127.0.0.1:9", CAREER_BOT_TOKEN: TOKEN, CAREER_BOT_PROJECT: PROJECT },
      {
        stdout: () => {},
        stderr: (text) => {
          stderr += text;
        },
      },
    );
    expect(code).toBe(2);
    expect(stderr).toContain("CAREER_BOT_WEBHOOK_SECRET");
    expect(stderr).not.toContain(TOKEN);
  });

  it("refuses to start with an empty CAREER_BOT_WEBHOOK_SECRET (exit 2): it would take anyone's events", async () => {
    let stderr = "";
    const code = await main(
      ["serve", "--port", "0"],
      {
        GITLAB_URL: "http://127.0.0.1:9",
        CAREER_BOT_TOKEN: TOKEN,
        CAREER_BOT_PROJECT: PROJECT,
        CAREER_BOT_WEBHOOK_SECRET: "",
      },
      {
        stdout: () => {},
        stderr: (text) => {
          stderr += text;
        },
      },
    );
    expect(code).toBe(2);
    expect(stderr).toContain("serve needs CAREER_BOT_WEBHOOK_SECRET");
  });
});
