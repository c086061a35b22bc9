/*
 * The entry of the V8 startup snapshot dist/career-bot.blob (docs/maintaining.md "Performance"). scripts/bundle.mjs
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
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startupSnapshot } from "node:v8";
import { embeddedAssets } from "../../src/assets.js";
import { main } from "../../src/cli.js";
import type { Io } from "../../src/commands/options.js";
import { FakeGitLabApi } from "../../src/gitlab/fake/http-api.js";
import { inProcessTransport } from "../../src/gitlab/fake/in-process-transport.js";
import { FakeGitLabState } from "../../src/gitlab/fake/state.js";
import { GitbeakerGitLab } from "../../src/gitlab/gitbeaker.js";
import { workflows } from "../../src/workflows/index.js";
import { precompileInto } from "./handlebars-specs.js";

const PROJECT = "snapshot/warm-up";
const TOKEN = "warm-up-token";

/**
 * Runs the CLI as a job does (`main` with `handle` for each workflow's issue template, then
 * `sweep`) through the same gitbeaker adapter, on an in-memory GitLab: the requests go to the
 * fake's API in this process (src/gitlab/fake/in-process-transport.ts) instead of over node:http.
 */
async function warmUp(): Promise<void> {
  const assets = embeddedAssets();
  if (!assets) throw new Error("the snapshot is built from the bundle, with the templates embedded");
  // The Renderer compiles with { noEscape: true } (src/engine/render.ts).
  precompileInto(Object.values(assets.templates), { noEscape: true });

  const state = new FakeGitLabState({
    now: "2026-01-05T09:00:00Z",
    users: ["career-bot", "alice", "bob", "carol", "dave", "pat"],
    projects: [PROJECT],
  });
  for (const workflow of workflows) state.addLabel(PROJECT, workflow.label);
  const port = new GitbeakerGitLab({
    host: "http://gitlab.invalid",
    token: TOKEN,
    fetch: inProcessTransport(new FakeGitLabApi(state, { [TOKEN]: "career-bot" })),
    // gitbeaker's rate limiters set a timer per window; 1 ms windows end before the heap is saved.
    rateLimitDuration: 0.001,
    requestTimeoutMs: 0, // and AbortSignal.timeout would leave timers and finalization records
  });
  const wiring = { connect: () => port };
  const env = { GITLAB_URL: "http://gitlab.invalid", CAREER_BOT_TOKEN: TOKEN, CAREER_BOT_PROJECT: PROJECT };
  const said: string[] = [];
  const io: Io = { stdout: () => {}, stderr: (text) => void said.push(text) };
  // A warm-up that fails where a job would not would warm the error paths only: stop the build.
  const expect = async (code: number, exitCode: Promise<number>) => {
    const got = await exitCode;
    if (got !== code) throw new Error(`warm-up: exit ${got}, expected ${code}:\n${said.join("")}`);
    said.length = 0;
  };
  // Beside the blob (scripts/bundle.mjs runs the build there); os.tmpdir() would leave node:os in
  // the snapshot.
  const checkout = mkdtempSync(join(process.cwd(), ".career-bot-warm-up-"));
  try {
    const config = join(checkout, "career-bot.yml");
    writeFileSync(config, "people_ops: [carol]\n");
    const event = join(checkout, "event.json");
    const run = (args: string[], payload?: unknown) => {
      // The event in a file, as GitLab CI passes TRIGGER_PAYLOAD.
      if (payload !== undefined) writeFileSync(event, JSON.stringify(payload));
      const withEvent = payload === undefined ? env : { ...env, TRIGGER_PAYLOAD: event };
      return main([...args, "--config", config, "--now", state.now], withEvent, io, wiring);
    };
    for (const [name, description] of Object.entries(assets.issueTemplates)) {
      const opened = state.as("alice").openIssue({ title: `${name}: alice`, description });
      await expect(0, run(["handle"], opened.payload));
      const comment = state.as("alice").comment(PROJECT, opened.issue.iid, "/career status");
      if (comment.payload) await expect(0, run(["handle"], comment.payload));
    }
    // An event about an issue GitLab no longer has: a 404, mapped to a failure (exit 1).
    const gone = state.as("alice").openIssue({ title: "gone", description: "" }).payload;
    const labels = [{ title: workflows[0]!.label }];
    const missing = {
      ...gone,
      labels,
      object_attributes: { ...gone.object_attributes, iid: 999_999, labels },
    };
    await expect(1, run(["handle"], missing));
    // An event that is no GitLab webhook body: exit 2 before any request.
    await expect(2, main(["handle"], { ...env, TRIGGER_PAYLOAD: "{}" }, io, wiring));
    state.now = "2026-04-20T09:00:00Z"; // some reminders are due
    await expect(0, run(["sweep"]));
    // No config file at the default path (there is none beside the blob): every default.
    await expect(0, main(["sweep", "--json"], env, io, wiring));
  } finally {
    rmSync(checkout, { recursive: true, force: true });
  }
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
