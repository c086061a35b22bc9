import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli.js";
import { stateKeyMaterial, stateSigner } from "../src/engine/state-signature.js";
import { FakeGitLabServer, FakeGitLabState } from "../src/gitlab/fake/index.js";
import { interimAppointment } from "./appointment.js";
import { burstBench } from "./burst.js";
import { dashboardBench } from "./dashboard.js";
import { naiveSweep } from "./naive.js";
import { BOT, counts, PROJECT, seedSettled } from "./seed.js";

/*
 * `npm run bench`: request counts and timings against the fake GitLab on 127.0.0.1 (see README,
 * "Performance"). Prints numbers; asserts nothing about time.
 */

const LATENCY_MS = 20;
const TOTAL = 10_000;
const DUE = 100;
const TODAY = "2026-06-15";
const NOW = `${TODAY}T06:00:00Z`;
const TOKEN = "glpat-bench-token-0000";
const ROOT = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "career-bot-bench-"));
const config = join(dir, "career-bot.yml");
// The workflow sweep is measured without the dashboard, which has its own part (bench/dashboard.ts).
writeFileSync(config, "people_ops: [carol]\ndashboard:\n  enabled: false\n");
const silent = { stdout: () => {}, stderr: () => {} };

async function world(latencyMs: number, issues = TOTAL, due = DUE) {
  const state = new FakeGitLabState({
    now: NOW,
    users: [BOT, "alice", "bob", "carol", "dave"],
    projects: [PROJECT],
  });
  state.addLabel(PROJECT, "career::interim-manager");
  await seedSettled(state, {
    total: issues,
    due,
    today: TODAY,
    stateSigner: stateSigner(stateKeyMaterial({}, TOKEN)),
  });
  state.now = NOW;
  const server = new FakeGitLabServer(state, { tokens: { [TOKEN]: BOT }, latencyMs });
  const running = await server.start();
  const env = { GITLAB_URL: running.url, CAREER_BOT_TOKEN: TOKEN, CAREER_BOT_PROJECT: PROJECT };
  return { state, server, running, env };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: Math.round(performance.now() - started) };
}

function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cwd = dir,
): Promise<{ ms: number; code: number | null }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { PATH: process.env.PATH, ...env },
      stdio: "ignore",
    });
    child.on("exit", (code) => resolve({ ms: performance.now() - started, code }));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]!);
}

function line(label: string, value: string | number): void {
  console.log(`  ${label.padEnd(52)} ${value}`);
}

async function sweeps(): Promise<void> {
  console.log(`\nSweep: ${TOTAL} open interim issues, ${DUE} due, ${LATENCY_MS} ms per request\n`);
  const ours = await world(LATENCY_MS);
  const first = await timed(() => main(["sweep", "--config", config, "--now", NOW], ours.env, silent));
  const mine = counts(ours.state);
  ours.state.requestCounts.clear();
  const again = await timed(() => main(["sweep", "--config", config, "--now", NOW], ours.env, silent));
  const idle = counts(ours.state);
  await ours.running.close();

  const quiet = await world(LATENCY_MS, TOTAL, 0);
  const calm = await timed(() => main(["sweep", "--config", config, "--now", NOW], quiet.env, silent));
  const still = counts(quiet.state);
  await quiet.running.close();

  const naive = await world(LATENCY_MS);
  const parallel = 10;
  const theirs = await timed(() =>
    naiveSweep({ url: naive.running.url, token: TOKEN, now: new Date(NOW), parallel }),
  );
  const base = counts(naive.state);
  await naive.running.close();

  // What acting on the due issues cannot do without: who the bot is, the due list, and per due issue
  // its notes (what was said and decided) and a fresh read before its description is written.
  const minimum = 1 + Math.ceil(DUE / 100) + DUE * 2;
  line("our sweep: exit code", first.result);
  line("our sweep: GET requests", mine.gets);
  line("our sweep: writes (POST/PUT/DELETE)", mine.writes);
  line("our sweep: wall time", `${first.ms} ms`);
  line("minimum GETs the due issues need (1 + pages + 2/issue)", minimum);
  line("our GETs / minimum (target <= 1.2)", (mine.gets / minimum).toFixed(2));
  line("naive sweep: GET requests", base.gets);
  line("naive sweep: writes", base.writes);
  line(`naive sweep: wall time (${parallel} issues in parallel)`, `${theirs.ms} ms`);
  line("naive sweep: sequential estimate (GETs x latency)", `${base.gets * LATENCY_MS} ms`);
  line("naive GETs / our GETs (target >= 25)", (base.gets / mine.gets).toFixed(1));
  // Right after, the 100 issues it wrote count as updated lately (a lost event would look the same).
  line("same sweep again at once: GET requests", idle.gets);
  line("same sweep again at once: writes (target 0)", idle.writes);
  line("same sweep again at once: wall time", `${again.ms} ms`);
  line("a quiet day (nothing due or updated): exit code", calm.result);
  line("a quiet day: GET requests", still.gets);
  line("a quiet day: writes (target 0)", still.writes);
  line("a quiet day: wall time", `${calm.ms} ms`);
}

/**
 * `handle` of one event as a whole process, started as the CI job starts it (.gitlab-ci.yml,
 * career-bot:event): `node --snapshot-blob dist/career-bot.blob handle` in a checkout with
 * .gitlab/career-bot.yml, the event in the file TRIGGER_PAYLOAD names, GitLab on 127.0.0.1. Only
 * `--now` is added, for the seeded clock. Against the same command from the bundle (what the job
 * falls back to), from the tsc output, and a bare `node -e 0`, interleaved.
 */
async function startup(): Promise<void> {
  const runs = 15;
  console.log(`\nStartup: \`handle\` of one event as a whole process on loopback (median of ${runs})\n`);
  // One settled issue per process started, so that every run handles the same event on the same
  // history: on one shared issue, each run's comment and the bot's reply would lengthen the history
  // the next run reads and replays, and later variants would do more work than earlier ones.
  const w = await world(0, runs * 3, 0);
  const fresh = [...w.state.issues];
  const checkout = mkdtempSync(join(tmpdir(), "career-bot-bench-job-"));
  mkdirSync(join(checkout, ".gitlab"));
  writeFileSync(join(checkout, ".gitlab", "career-bot.yml"), "people_ops: [carol]\n");
  const event = () => {
    const file = join(checkout, `event-${Math.random().toString(36).slice(2)}.json`);
    const { iid } = fresh.shift()!;
    writeFileSync(file, JSON.stringify(w.state.as("alice").comment(PROJECT, iid, "/career status").payload));
    return { ...w.env, TRIGGER_PAYLOAD: file };
  };
  const starts = {
    snapshot: ["--snapshot-blob", join(ROOT, "dist/career-bot.blob")],
    bundle: [join(ROOT, "dist/career-bot.mjs")],
    tsc: [join(ROOT, "bin/career-bot.js")],
  };
  const times = {
    bare: [] as number[],
    snapshot: [] as number[],
    bundle: [] as number[],
    tsc: [] as number[],
  };
  const codes = new Set<number | null>();
  for (let i = 0; i < runs; i += 1) {
    times.bare.push((await run(["-e", "0"])).ms);
    for (const [how, start] of Object.entries(starts) as Array<[keyof typeof starts, string[]]>) {
      const result = await run([...start, "handle", "--now", NOW], event(), checkout);
      times[how].push(result.ms);
      codes.add(result.code);
    }
  }
  await w.running.close();
  rmSync(checkout, { recursive: true, force: true });
  const bare = median(times.bare);
  line("node -e 0", `${bare} ms`);
  line("handle from the snapshot (how the CI job runs it)", `${median(times.snapshot)} ms`);
  line("handle from the bundle (the job's fallback)", `${median(times.bundle)} ms`);
  line("handle from the tsc output (bin/career-bot.js)", `${median(times.tsc)} ms`);
  line("snapshot / node -e 0 (target <= 3)", (median(times.snapshot) / bare).toFixed(2));
  line("bundle / node -e 0", (median(times.bundle) / bare).toFixed(2));
  line("tsc output / node -e 0", (median(times.tsc) / bare).toFixed(2));
  line("exit codes", [...codes].join(", "));
  line("requests per handle", (counts(w.state).gets + counts(w.state).writes) / (runs * 3));
}

/** What a whole appointment costs in trigger mode: the bot's writes and so its echo pipelines. */
async function appointment(): Promise<void> {
  console.log("\nA whole interim appointment in trigger mode (every human action is a `handle` job)\n");
  const c = await interimAppointment();
  const perAction = (n: number) => (n / c.humanActions).toFixed(2);
  line("human actions (webhook events)", c.humanActions);
  line("handle jobs for them / sweeps", `${c.handleJobs} / ${c.sweeps}`);
  line(
    "bot writes",
    `${c.writes} (${Object.entries(c.byRoute)
      .map(([r, n]) => `${n} ${r}`)
      .join(", ")})`,
  );
  line("bot writes per human action", perAction(c.writes));
  line("echoing writes (= echo pipelines that only ignore)", c.echoingWrites);
  line("echo pipelines per human action", perAction(c.echoingWrites));
  line("pipelines per human action (its own + echoes)", perAction(c.handleJobs + c.echoingWrites));
  line("bot requests (GET + writes)", `${c.gets + c.writes} (${c.gets} GET)`);
  line("bot requests per human action", perAction(c.gets + c.writes));
  console.log(
    `  interim appointment: ${c.humanActions} human actions, ${c.writes} bot writes, ${perAction(c.writes)} writes per action`,
  );
}

// `node dist/bench/run.mjs startup` (or `sweep`, `appointment`, `dashboard`, `burst`) runs one part.
const only = process.argv[2];
if (only === undefined || only === "sweep") await sweeps();
if (only === undefined || only === "startup") await startup();
if (only === undefined || only === "appointment") await appointment();
if (only === undefined || only === "dashboard") {
  await dashboardBench({
    world: (latencyMs) => world(latencyMs),
    config: { off: config, on: join(dir, "career-bot-dashboard.yml") },
    line,
    latencyMs: LATENCY_MS,
    now: NOW,
    nextDay: "2026-06-16T06:00:00Z",
  });
}
if (only === undefined || only === "burst") await burstBench(ROOT, line);
// The config and event files are the bench's own: nothing of them is worth keeping.
rmSync(dir, { recursive: true, force: true });
