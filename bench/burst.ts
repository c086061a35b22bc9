import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Config } from "../src/config/schema.js";
import { FakeGitLabServer, FakeGitLabState, type FaultHook } from "../src/gitlab/fake/index.js";
import { GitbeakerGitLab } from "../src/gitlab/gitbeaker.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../src/serve/requeue.js";
import { startServe } from "../src/serve/start.js";
import { BOT, PROJECT } from "./seed.js";

/*
 * A burst on `serve`: 60 interim issues opened and each asked `/career status`, their 120 webhook
 * deliveries posted 12 at a time, and 10% of the bot's GitLab requests answered 502 (half of the
 * writes among them after GitLab saved them, so the bot cannot know). Measured twice: with serve's
 * re-queue, and with it off (what was left for the next sweep before). The re-queue's waits are
 * shortened a hundredfold (50 ms, 300 ms, 1.2 s for 5 s, 30 s, 2 min) so the part takes seconds.
 */

const ISSUES = 60;
const AT_ONCE = 12;
const FAULT_RATE = 0.1;
const SCALE = 100;
const TOKEN = "glpat-bench-burst-token";
const SECRET = "bench-burst-webhook-secret";
const STAGE = "career-stage::eligibility";

export interface BurstFigures {
  deliveries: number;
  accepted: number;
  converged: number;
  convergedMs: number | undefined;
  retries: number;
  gaveUp: number;
  duplicates: number;
  faults: number;
  requests: number;
}

/** A seeded generator (mulberry32), so every bench run injects the same faults. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function faults(seed: number): FaultHook {
  const random = seeded(seed);
  return (request) => {
    if (random() >= FAULT_RATE) return null;
    const saved = request.method !== "GET" && random() < 0.5;
    return { status: 502, afterWrite: saved };
  };
}

/** Whether the issue reached its first stage and the bot answered its command. */
function convergedIssues(state: FakeGitLabState, botId: number): number {
  return state.issues.filter(
    (issue) =>
      issue.labels.includes(STAGE) &&
      state.notesOf(issue.id).some((n) => n.authorId === botId && n.body.includes("key=reply:")),
  ).length;
}

/** Keyed bot notes that are there more than once. */
function duplicateNotes(state: FakeGitLabState, botId: number): number {
  let twice = 0;
  for (const issue of state.issues) {
    const keys = state
      .notesOf(issue.id)
      .filter((n) => n.authorId === botId && !n.system)
      .map((n) => /<!-- career-bot:note key=(\S+) -->/.exec(n.body)?.[1] ?? "(no key)");
    twice += keys.length - new Set(keys).size;
  }
  return twice;
}

export async function burst(root: string, policy: RetryPolicy, seed = 18): Promise<BurstFigures> {
  const template = readFileSync(join(root, ".gitlab/issue_templates/Interim manager.md"), "utf8");
  const state = new FakeGitLabState({
    now: "2026-01-05T09:00:00Z",
    users: [BOT, "alice", "bob", "pat"],
    projects: [PROJECT],
  });
  state.addLabel(PROJECT, "career::interim-manager");
  const deliveries: string[] = [];
  for (let n = 0; n < ISSUES; n += 1) {
    const opened = state
      .as("alice")
      .openIssue({ title: `Interim manager: alice ${n}`, description: template });
    deliveries.push(JSON.stringify(opened.payload));
    const asked = state.as("alice").comment(PROJECT, opened.issue.iid, "/career status");
    deliveries.push(JSON.stringify(asked.payload));
  }
  const server = new FakeGitLabServer(state, { tokens: { [TOKEN]: BOT } });
  const gitlab = await server.start();
  const serve = await startServe({
    gitlab: new GitbeakerGitLab({
      host: gitlab.url,
      token: TOKEN,
      retry: { baseDelayMs: 5, maxDelayMs: 50 },
    }),
    config: Config.parse({ people_ops: ["pat"] }),
    clock: () => new Date(state.now),
    secret: SECRET,
    project: PROJECT,
    host: "127.0.0.1",
    port: 0,
    log: { event: () => {}, info: () => {} },
    retry: policy,
  });
  state.requestCounts.clear();
  server.fault = faults(seed);
  const botId = state.requireUser(BOT).id;
  const started = performance.now();
  let accepted = 0;
  for (let i = 0; i < deliveries.length; i += AT_ONCE) {
    const wave = deliveries.slice(i, i + AT_ONCE).map((body) =>
      fetch(`${serve.url}/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-gitlab-token": SECRET },
        body,
      }),
    );
    for (const response of await Promise.all(wave)) if (response.status === 202) accepted += 1;
  }
  // Done when every issue converged, or when nothing is queued or waiting to be retried.
  let convergedMs: number | undefined;
  for (;;) {
    if (convergedIssues(state, botId) === ISSUES) {
      convergedMs = Math.round(performance.now() - started);
      break;
    }
    if (serve.inHand() === 0 && serve.retries().waiting === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  server.fault = undefined;
  await serve.stop();
  const retries = serve.retries();
  const figures: BurstFigures = {
    deliveries: deliveries.length,
    accepted,
    converged: convergedIssues(state, botId),
    convergedMs,
    retries: retries.retried,
    gaveUp: retries.gaveUp,
    duplicates: duplicateNotes(state, botId),
    faults: server.faults.length,
    requests: [...state.requestCounts.values()].reduce((a, b) => a + b, 0),
  };
  await gitlab.close();
  return figures;
}

export async function burstBench(root: string, line: (label: string, value: string | number) => void) {
  console.log(
    `\nBurst on serve: ${ISSUES} interim issues opened and asked \`/career status\`, ${ISSUES * 2} deliveries ${AT_ONCE} at a time, ${FAULT_RATE * 100}% of the bot's GitLab requests answered 502`,
  );
  const waits = DEFAULT_RETRY_POLICY.delaysMs.map((ms) => `${ms / SCALE} ms`).join(", ");
  console.log(`(re-queue waits shortened ${SCALE}x for the bench: ${waits})\n`);
  const shortened = {
    ...DEFAULT_RETRY_POLICY,
    delaysMs: DEFAULT_RETRY_POLICY.delaysMs.map((ms) => ms / SCALE),
  };
  const withRequeue = await burst(root, shortened);
  const without = await burst(root, { ...DEFAULT_RETRY_POLICY, delaysMs: [] });
  for (const [how, f] of [
    ["with re-queue", withRequeue],
    ["without re-queue", without],
  ] as const) {
    line(`${how}: deliveries accepted`, `${f.accepted} of ${f.deliveries}`);
    line(`${how}: 502s injected / bot requests`, `${f.faults} / ${f.requests}`);
    line(`${how}: issues converged (stage + reply)`, `${f.converged} of ${ISSUES}`);
    line(
      `${how}: time to converge`,
      f.convergedMs === undefined ? "never (left to the sweep)" : `${f.convergedMs} ms`,
    );
    line(`${how}: retries / given up`, `${f.retries} / ${f.gaveUp}`);
    line(`${how}: duplicate notes (target 0)`, f.duplicates);
  }
}
