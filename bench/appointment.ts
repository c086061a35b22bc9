import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli.js";
import { FakeGitLabServer, FakeGitLabState, type WebhookPayload } from "../src/gitlab/fake/index.js";
import { workflows } from "../src/workflows/index.js";
import { type BotRunner, interimScript } from "../test/support/scenario.js";

/*
 * A whole interim appointment (the faults suite's walk: the issue opened from its template, the
 * checklists ticked, the hire, the review, the document, the decision, the sweeps) as trigger mode
 * runs it: every human action is a webhook event and gets its own `handle` job. Counts the bot's
 * requests and its writes; each write that fires the webhook (note, issue create, issue update) is
 * one more "echo" pipeline whose job only ignores it.
 */

const BOT = "career-bot";
const PROJECT = "org/careers";
const TOKEN = "glpat-bench-token-0000";

/** Routes whose writes fire the webhook (links and note deletions run none). */
const ECHOING = new Set([
  "POST /projects/:id/issues/:iid/notes",
  "POST /projects/:id/issues",
  "PUT /projects/:id/issues/:iid",
]);

export interface AppointmentCounts {
  humanActions: number;
  handleJobs: number;
  sweeps: number;
  gets: number;
  writes: number;
  echoingWrites: number;
  byRoute: Record<string, number>;
}

export async function interimAppointment(): Promise<AppointmentCounts> {
  const state = new FakeGitLabState({
    now: "2026-01-05T09:00:00Z",
    users: [BOT, "alice", "bob", "carol", "dave", "eve", "pat"],
    projects: [PROJECT],
  });
  for (const label of new Set(workflows.map((w) => w.label))) state.addLabel(PROJECT, label);
  const server = new FakeGitLabServer(state, { tokens: { [TOKEN]: BOT } });
  const running = await server.start();
  const dir = mkdtempSync(join(tmpdir(), "career-bot-bench-walk-"));
  const config = join(dir, "career-bot.yml");
  // The dashboard is measured on its own (bench/dashboard.ts); this counts the workflow's cost.
  writeFileSync(config, "people_ops: [carol]\ndashboard:\n  enabled: false\n");
  const env = { GITLAB_URL: running.url, CAREER_BOT_TOKEN: TOKEN, CAREER_BOT_PROJECT: PROJECT };
  const silent = { stdout: () => {}, stderr: () => {} };
  let handled = 0;
  let handleJobs = 0;
  let sweeps = 0;
  const cli = async (args: string[], extra: NodeJS.ProcessEnv = {}) => ({
    code: await main([...args, "--config", config, "--now", state.now], { ...env, ...extra }, silent),
    output: "",
  });
  // The script hands the bot only some events (the last tick of a checklist); trigger mode runs a
  // job for every one, in order, so each pending human event is handled first.
  const runner: BotRunner = {
    state,
    handle: async (_payload: WebhookPayload) => {
      let last = { code: 0, output: "" };
      for (const event of state.webhooks.slice(handled)) {
        handled += 1;
        handleJobs += 1;
        last = await cli(["handle"], { TRIGGER_PAYLOAD: JSON.stringify(event) });
        if (last.code !== 0) throw new Error(`handle exited ${last.code}`);
      }
      return last;
    },
    sweep: async () => {
      sweeps += 1;
      return cli(["sweep"]);
    },
  };
  try {
    await interimScript(runner);
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
  let gets = 0;
  let writes = 0;
  let echoingWrites = 0;
  for (const [route, n] of state.requestCounts) {
    if (route.startsWith("GET ")) gets += n;
    else writes += n;
    if (ECHOING.has(route)) echoingWrites += n;
  }
  return {
    humanActions: state.webhooks.length,
    handleJobs,
    sweeps,
    gets,
    writes,
    echoingWrites,
    byRoute: Object.fromEntries([...state.requestCounts].filter(([route]) => !route.startsWith("GET "))),
  };
}
