import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitLabNetworkError } from "../../src/gitlab/errors.js";
import { FakeGitLabServer, type Fault, type RunningServer } from "../../src/gitlab/fake/http-server.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";
import { GitbeakerGitLab } from "../../src/gitlab/gitbeaker.js";
import { GitLabError } from "../../src/gitlab/port.js";
import type { RetryOptions } from "../../src/gitlab/retry.js";

const TOKEN = "glpat-SECRET-fault-token-42";
const PROJECT = "career/people";
const NOTES = "POST /projects/:id/issues/:iid/notes";

describe("GitbeakerGitLab retries against a failing GitLab", () => {
  let state: FakeGitLabState;
  let fake: FakeGitLabServer;
  let running: RunningServer;
  let waits: number[];

  beforeEach(async () => {
    state = new FakeGitLabState({ users: ["career-bot", "alice"], projects: [PROJECT] });
    state.as("alice").openIssue({ title: "t", description: "body" });
    fake = new FakeGitLabServer(state, { tokens: { [TOKEN]: "career-bot" } });
    running = await fake.start();
    waits = [];
  });

  afterEach(async () => {
    await running.close();
  });

  function port(retry: Partial<RetryOptions> = {}, requestTimeoutMs = 2_000): GitbeakerGitLab {
    const sleep = async (ms: number) => void waits.push(ms);
    return new GitbeakerGitLab({
      host: running.url,
      token: TOKEN,
      requestTimeoutMs,
      retry: { sleep, random: () => 0.5, ...retry },
    });
  }

  /** Fails the first `times` requests of one route with `fault`, then serves normally. */
  function failFirst(route: string, times: number, fault: Exclude<Fault, null>) {
    let left = times;
    fake.fault = (request) => {
      if (`${request.method} ${request.route}` !== route || left === 0) return null;
      left -= 1;
      return fault;
    };
  }

  async function rejection(promise: Promise<unknown>): Promise<GitLabError> {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GitLabError);
    return error as GitLabError;
  }

  const userNotes = () => state.notes.filter((note) => !note.system);

  it("honours Retry-After on a 429", async () => {
    failFirst("GET /projects/:id/issues/:iid", 2, { status: 429, retryAfter: 3 });
    expect((await port().getIssue(PROJECT, 1)).title).toBe("t");
    expect(waits).toEqual([3_000, 3_000]);
    expect(state.requestCount("GET /projects/:id/issues/:iid")).toBe(3);
  });

  it("backs off on a 429 without Retry-After, and retries it even for a POST", async () => {
    failFirst(NOTES, 2, { status: 429 });
    const note = await port({ rateLimitBaseDelayMs: 1_000 }).createNote(PROJECT, 1, "hello");
    expect(note.body).toBe("hello");
    expect(waits).toEqual([500, 1_000]);
    expect(userNotes()).toHaveLength(1);
  });

  it("retries 500, 502, 503 and 504 on reads and on PUTs, applying the PUT once", async () => {
    for (const status of [500, 502, 503, 504] as const) {
      failFirst("GET /projects/:id/issues/:iid", 1, { status });
      await port().getIssue(PROJECT, 1);
    }
    failFirst("PUT /projects/:id/issues/:iid", 2, { status: 503 });
    const updated = await port().updateIssue(PROJECT, 1, { addLabels: ["x"] });
    expect(updated.labels).toEqual(["x"]);
    expect(state.requestCount("PUT")).toBe(3);
    expect(state.notes.filter((note) => note.body === "added ~x label")).toHaveLength(1);
    expect(waits).toHaveLength(6);
  });

  it("retries a read that timed out or whose connection was reset", async () => {
    failFirst("GET /projects/:id/issues/:iid/notes", 1, "timeout");
    await port({}, 200).listNotes(PROJECT, 1);
    failFirst("GET /projects/:id/issues/:iid/notes", 2, "reset");
    await port().listNotes(PROJECT, 1);
    expect(state.requestCount("GET /projects/:id/issues/:iid/notes")).toBe(5);
  });

  it("never repeats a note POST that failed after GitLab saved it", async () => {
    failFirst(NOTES, 1, { status: 500, afterWrite: true });
    const first = await rejection(port().createNote(PROJECT, 1, "exactly once"));
    expect(first).toMatchObject({ kind: "server", status: 500 });
    failFirst(NOTES, 1, "reset-after-write");
    const second = await rejection(port().createNote(PROJECT, 1, "exactly once, again"));
    expect(second.kind).toBe("network");
    expect(state.requestCount(NOTES)).toBe(2);
    expect(userNotes().map((note) => note.body)).toEqual(["exactly once", "exactly once, again"]);
    expect(waits).toEqual([]);
  });

  it("does not retry a POST on a 5xx, a timeout or a reset before the write either", async () => {
    for (const fault of [{ status: 502 }, { status: 503 }, "timeout", "reset"] as const) {
      failFirst("POST /projects/:id/issues", 1, fault);
      await rejection(
        port({}, 200).createIssue(PROJECT, { title: "x", description: "", labels: [], confidential: false }),
      );
    }
    expect(state.requestCount("POST /projects/:id/issues")).toBe(4);
    expect(state.issues).toHaveLength(1);
  });

  it("retries a POST whose connection was refused, once the server is back", async () => {
    const address = new URL(running.url);
    await running.close();
    let restarted = false;
    const gitlab = port({
      sleep: async (ms) => {
        waits.push(ms);
        if (restarted) return;
        restarted = true;
        running = await fake.start(Number(address.port));
      },
    });
    const note = await gitlab.createNote(PROJECT, 1, "after refusal");
    expect(note.body).toBe("after refusal");
    expect(waits).toHaveLength(1);
  });

  it("stops after the attempt bound with the last error", async () => {
    fake.fault = (request) => (request.method === "GET" ? { status: 503 } : null);
    const error = await rejection(port({ maxAttempts: 4 }).getIssue(PROJECT, 1));
    expect(error).toMatchObject({ kind: "server", status: 503 });
    expect(state.requestCount("GET")).toBe(4);
    expect(waits).toEqual([250, 500, 1_000]);
  });

  it("classifies a refused connection with no server as a network error that never reached GitLab", async () => {
    await running.close();
    const error = await rejection(port({ maxAttempts: 2 }).currentUser());
    expect(error).toBeInstanceOf(GitLabNetworkError);
    expect(error).toMatchObject({ kind: "network", reachedServer: false });
    running = await fake.start();
  });

  it("keeps the server's per-request latency and deterministic fault share", async () => {
    fake.latencyMs = 30;
    fake.fault = (_request, seq) => (seq % 2 === 0 ? { status: 502 } : null);
    const started = performance.now();
    await port().currentUser();
    await port().currentUser();
    expect(performance.now() - started).toBeGreaterThanOrEqual(60);
    expect(fake.faults.map((fault) => fault.seq)).toEqual([2]);
  });
});

describe("GitbeakerGitLab errors", () => {
  it("never carry the token, even when GitLab echoes it", async () => {
    const echo = createServer((req, res) => {
      const token = String(req.headers["private-token"]);
      const status = req.url?.includes("/user") ? 401 : 400;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: `bad token ${token} in ${req.url}` }));
    });
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    const host = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    try {
      const gitlab = new GitbeakerGitLab({ host, token: TOKEN, retry: { sleep: async () => {} } });
      for (const call of [
        gitlab.currentUser(),
        gitlab.getIssue(PROJECT, 1),
        gitlab.createNote(PROJECT, 1, "x"),
      ]) {
        const error = await call.then(
          () => undefined,
          (caught: unknown) => caught as GitLabError,
        );
        expect(error).toBeInstanceOf(GitLabError);
        const everything = `${error?.message} ${String(error)} ${error?.stack} ${JSON.stringify(error)}`;
        expect(everything).not.toContain(TOKEN);
        expect(everything).not.toContain("SECRET");
        expect(error?.message).toContain("[REDACTED]");
      }
    } finally {
      echo.closeAllConnections();
      await new Promise((resolve) => echo.close(resolve));
    }
  });

  it("classify 401, 404 and a malformed answer", async () => {
    const state = new FakeGitLabState({ users: ["career-bot"], projects: [PROJECT] });
    const running = await new FakeGitLabServer(state, { tokens: { [TOKEN]: "career-bot" } }).start();
    try {
      const wrong = new GitbeakerGitLab({ host: running.url, token: "glpat-wrong-token-000" });
      await expect(wrong.currentUser()).rejects.toMatchObject({ kind: "unauthorized", status: 401 });
      const right = new GitbeakerGitLab({ host: running.url, token: TOKEN });
      await expect(right.getIssue(PROJECT, 7)).rejects.toMatchObject({ kind: "not-found", status: 404 });
      await expect(right.getIssue("career/none", 1)).rejects.toThrow(/404 Project Not Found/);
    } finally {
      await running.close();
    }
    const broken = new GitbeakerGitLab({
      host: "http://gitlab.invalid",
      token: TOKEN,
      fetch: async () => Response.json({ id: "not a number", username: 3 }),
    });
    await expect(broken.currentUser()).rejects.toMatchObject({ kind: "invalid-response" });
  });
});
