import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { Config } from "../../src/config/schema.js";
import { FakeGitLabServer, FakeGitLabState, type RunningServer } from "../../src/gitlab/fake/index.js";
import { GitbeakerGitLab } from "../../src/gitlab/gitbeaker.js";
import type { RunningServe } from "../../src/serve/start.js";
import { startServe } from "../../src/serve/start.js";
import { ManualTimers } from "../support/manual-timers.js";
import { expectNoDuplicates, seeded } from "../support/scenario.js";

/*
 * A burst on serve while GitLab answers some of the bot's requests 502 (issue 18): every issue
 * reaches its first stage and gets its command answered through serve's own retries, with no
 * sweep, and no note twice. The retry waits run on injected timers: no real waiting.
 */

const PROJECT = "org/careers";
const SECRET = "burst-secret";
const TOKEN = "glpat-burst-token-0001";
const TEMPLATE = readFileSync(
  new URL("../../.gitlab/issue_templates/Interim manager.md", import.meta.url),
  "utf8",
);
const ISSUES = 12;

let gitlab: RunningServer | undefined;
let serve: RunningServe | undefined;
afterEach(async () => {
  await serve?.stop();
  await gitlab?.close();
});

describe("a burst on serve with GitLab answering 502s", () => {
  it("converges through serve's retries: every issue staged and answered, nothing twice", async () => {
    const state = new FakeGitLabState({
      now: "2026-01-05T09:00:00Z",
      users: ["career-bot", "alice", "bob", "pat"],
      projects: [PROJECT],
    });
    state.addLabel(PROJECT, "career::interim-manager");
    const deliveries: string[] = [];
    for (let n = 0; n < ISSUES; n += 1) {
      const opened = state
        .as("alice")
        .openIssue({ title: `Interim manager: alice ${n}`, description: TEMPLATE });
      deliveries.push(JSON.stringify(opened.payload));
      deliveries.push(
        JSON.stringify(state.as("alice").comment(PROJECT, opened.issue.iid, "/career status").payload),
      );
    }
    const server = new FakeGitLabServer(state, { tokens: { [TOKEN]: "career-bot" } });
    gitlab = await server.start();
    const timers = new ManualTimers();
    const handled: unknown[] = [];
    const waiters: Array<{ count: number; resolve: () => void }> = [];
    const handledCount = (count: number) =>
      handled.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve }));
    serve = await startServe({
      gitlab: new GitbeakerGitLab({ host: gitlab.url, token: TOKEN, retry: { sleep: async () => {} } }),
      config: Config.parse({ people_ops: ["pat"] }),
      clock: () => new Date(state.now),
      secret: SECRET,
      project: PROJECT,
      host: "127.0.0.1",
      port: 0,
      log: { event: () => {}, info: () => {} },
      timers,
      onHandled: () => {
        handled.push(1);
        for (const waiter of waiters.filter((w) => handled.length >= w.count)) waiter.resolve();
      },
    });
    // A tenth of the requests answered 502 (half of the writes after GitLab saved them). And on every
    // other issue the reply to its command is answered 502 twice, once before and once after GitLab
    // saved it: both of the issue's events fail (a create that may have been saved is not repeated
    // within a run), so only serve's retry can finish it, and it must find the saved reply.
    const random = seeded(18);
    const strikes = new Map<string, number>();
    server.fault = (request) => {
      const note = /\/issues\/(\d+)\/notes$/.exec(request.path);
      const reply = String(request.body.body ?? "").includes("key=reply:");
      if (request.method === "POST" && note && reply && Number(note[1]) % 2 === 0) {
        const strike = strikes.get(note[1]!) ?? 0;
        if (strike < 2) {
          strikes.set(note[1]!, strike + 1);
          return { status: 502, afterWrite: strike === 1 };
        }
      }
      if (random() >= 0.1) return null;
      return { status: 502, afterWrite: request.method !== "GET" && random() < 0.5 };
    };
    for (let i = 0; i < deliveries.length; i += 4) {
      const wave = deliveries.slice(i, i + 4).map((body) =>
        fetch(`${serve!.url}/webhook`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-gitlab-token": SECRET },
          body,
        }),
      );
      for (const response of await Promise.all(wave)) expect(response.status).toBe(202);
    }
    await handledCount(deliveries.length);
    server.fault = undefined;
    expect(serve.retries().waiting).toBeGreaterThanOrEqual(ISSUES / 2);
    // Moves time past each wait until no retry is left waiting.
    while (serve.retries().waiting > 0) {
      timers.advance(120_000);
      await handledCount(deliveries.length + serve.retries().retried);
    }
    const bot = state.requireUser("career-bot").id;
    for (const issue of state.issues) {
      expect(issue.labels, `#${issue.iid}`).toContain("career-stage::eligibility");
      const replies = state
        .notesOf(issue.id)
        .filter((n) => n.authorId === bot && n.body.includes("key=reply:"));
      expect(replies, `#${issue.iid}`).toHaveLength(1);
    }
    expectNoDuplicates(state);
    expect(serve.retries().gaveUp).toBe(0);
    expect(serve.retries().retried).toBeGreaterThan(0);
  });
});
