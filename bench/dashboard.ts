import { writeFileSync } from "node:fs";
import { main } from "../src/cli.js";
import type { FakeGitLabState, RunningServer } from "../src/gitlab/fake/index.js";
import { counts } from "./seed.js";

/*
 * The dashboard's cost on a large project: the same sweep of 10,000 open workflow issues (100 due)
 * with the dashboard off and on, then the next day's sweep with the dashboard on, which should
 * write nothing. Requests go over loopback HTTP through the real client, 100 issues a page.
 */

interface BenchWorld {
  state: FakeGitLabState;
  running: RunningServer;
  env: NodeJS.ProcessEnv;
}

interface DashboardBenchOptions {
  world: (latencyMs: number) => Promise<BenchWorld>;
  config: { off: string; on: string };
  line: (label: string, value: string | number) => void;
  latencyMs: number;
  now: string;
  nextDay: string;
}

const silent = { stdout: () => {}, stderr: () => {} };

async function sweepOnce(w: BenchWorld, config: string, now: string) {
  w.state.requestCounts.clear();
  const started = performance.now();
  const code = await main(["sweep", "--config", config, "--now", now], w.env, silent);
  return { code, ms: Math.round(performance.now() - started), ...counts(w.state) };
}

export async function dashboardBench(options: DashboardBenchOptions): Promise<void> {
  const { line } = options;
  writeFileSync(options.config.on, "people_ops: [carol]\ndashboard:\n  enabled: true\n");
  console.log(`\nDashboard: 10000 open interim issues, 100 due, ${options.latencyMs} ms per request\n`);

  const off = await options.world(options.latencyMs);
  const withoutIt = await sweepOnce(off, options.config.off, options.now);
  await off.running.close();

  const on = await options.world(options.latencyMs);
  const withIt = await sweepOnce(on, options.config.on, options.now);
  on.state.now = options.nextDay;
  const nextDay = await sweepOnce(on, options.config.on, options.nextDay);
  await on.running.close();

  line(
    "dashboard off: exit code / GETs / writes",
    `${withoutIt.code} / ${withoutIt.gets} / ${withoutIt.writes}`,
  );
  line("dashboard off: wall time", `${withoutIt.ms} ms`);
  line("dashboard on: exit code / GETs / writes", `${withIt.code} / ${withIt.gets} / ${withIt.writes}`);
  line("dashboard on: wall time", `${withIt.ms} ms`);
  line("the dashboard's GETs (target <= 1 per 100 open + a few)", withIt.gets - withoutIt.gets);
  line("the dashboard's writes (creating it)", withIt.writes - withoutIt.writes);
  line("the dashboard's time", `${withIt.ms - withoutIt.ms} ms`);
  line("next day, dashboard on: GETs / writes (target 0)", `${nextDay.gets} / ${nextDay.writes}`);
  line("next day: wall time", `${nextDay.ms} ms`);
}
