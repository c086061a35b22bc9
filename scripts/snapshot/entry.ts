/*
 * The entry of the V8 startup snapshot dist/career-bot.blob (README "Performance"). scripts/bundle.mjs
 * bundles this file and the CLI into one CommonJS script and runs
 *   node --snapshot-blob dist/career-bot.blob --build-snapshot <that script>
 * Node runs it, then saves the heap: every module evaluated, zod's compiled parsers, the Handlebars
 * templates compiled. `node --snapshot-blob dist/career-bot.blob handle ...` starts from that heap
 * and calls the CLI's main with the command line, as dist/career-bot.mjs does.
 *
 * What the warm-up below leaves in the heap must be the same for every run: it works on a private
 * in-memory GitLab and keeps nothing of it. Nothing here may hold a socket, a timer or a native
 * object at the end (V8 cannot save them); node:http cannot be loaded while a snapshot is built,
 * so the GitLab transport (src/gitlab/http-transport.ts) loads it on the first request of each run.
 */

// First: it patches picomatch before gitbeaker takes `isMatch` from it.
import "./picomatch-memo.js";
import { startupSnapshot } from "node:v8";
import { embeddedAssets } from "../../src/assets.js";
import { main } from "../../src/cli.js";
import { handle } from "../../src/commands/handle.js";
import { readPayload } from "../../src/commands/payload-source.js";
import { sweep } from "../../src/commands/sweep.js";
import { loadConfig, parseConfigText } from "../../src/config/load.js";
import { Renderer } from "../../src/engine/render.js";
import { FakeGitLabApi } from "../../src/gitlab/fake/http-api.js";
import { inProcessTransport } from "../../src/gitlab/fake/in-process-transport.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";
import { GitbeakerGitLab } from "../../src/gitlab/gitbeaker.js";
import type { RunContext } from "../../src/run/context.js";
import { workflows } from "../../src/workflows/index.js";
import { precompileInto } from "./handlebars-specs.js";

const PROJECT = "snapshot/warm-up";
const NOW = "2026-01-05T09:00:00Z";

/**
 * Runs what a handle and a sweep run on every workflow's issue template, through the same gitbeaker
 * adapter a job uses, on an in-memory GitLab: the requests go to the fake's API in this process
 * (src/gitlab/fake/in-process-transport.ts) instead of over node:http.
 */
async function warmUp(): Promise<void> {
  const assets = embeddedAssets();
  if (!assets) throw new Error("the snapshot is built from the bundle, with the templates embedded");
  // The Renderer compiles with { noEscape: true } (src/engine/render.ts).
  precompileInto(Object.values(assets.templates), { noEscape: true });

  const state = new FakeGitLabState({
    now: NOW,
    users: ["career-bot", "alice", "bob", "carol", "dave", "pat"],
    projects: [PROJECT],
  });
  for (const workflow of workflows) state.addLabel(PROJECT, workflow.label);
  const token = "warm-up-token";
  const port = new GitbeakerGitLab({
    host: "http://gitlab.invalid",
    token,
    fetch: inProcessTransport(new FakeGitLabApi(state, { [token]: "career-bot" })),
    // gitbeaker's rate limiters set a timer per window; 1 ms windows end before the heap is saved.
    rateLimitDuration: 0.001,
    requestTimeoutMs: 0, // and AbortSignal.timeout would leave timers and finalization records
  });
  const config = parseConfigText("people_ops: [carol]\n");
  const bot = await port.currentUser();
  const context = (): RunContext => ({
    port,
    config,
    renderer: new Renderer(),
    bot,
    now: new Date(state.now),
    dryRun: false,
    budget: { limit: config.max_writes_per_run, used: 0 },
    reporter: { info: () => {} },
    userCache: new Map(),
  });
  const options = { project: PROJECT, secrets: [] };
  for (const [name, description] of Object.entries(assets.issueTemplates)) {
    const opened = state.as("alice").openIssue({ title: `${name}: alice`, description });
    await handle(context(), JSON.stringify(opened.payload), options);
    const comment = state.as("alice").comment(PROJECT, opened.issue.iid, "/career status");
    if (comment.payload) await handle(context(), JSON.stringify(comment.payload), options);
  }
  state.now = "2026-04-20T09:00:00Z"; // some reminders are due
  await sweep(context(), options);

  // A missing config file and an event in the environment, as in a CI job.
  await loadConfig("/nonexistent/career-bot.yml");
  await readPayload(undefined, { TRIGGER_PAYLOAD: "{}" });
  // Lets the rate limiters' timers (1 ms windows) fire, so the heap holds none.
  await new Promise((resolve) => setTimeout(resolve, 20));
}

warmUp().then(
  () => {
    startupSnapshot.setDeserializeMainFunction(async () => {
      // `node --snapshot-blob FILE handle --payload x`: argv is [node, "handle", "--payload", "x"].
      process.exitCode = await main(process.argv.slice(1));
    });
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
