import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { Config } from "../../src/config/schema.js";
import { PACING_WINDOW_MS } from "../../src/engine/pacer.js";
import { Renderer } from "../../src/engine/render.js";
import { FakeGitLab, FakeGitLabState } from "../../src/gitlab/fake/index.js";
import type { RunSummary } from "../../src/run/summary.js";
import type { RunClock } from "../../src/run/trigger-mode.js";
import { createEventProcessor } from "../../src/serve/processor.js";
import { tickInterimEligibility } from "../support/interim-items.js";
import { recordPeople } from "../support/people-record.js";
import { interimDescription, workflowSuiteConfig } from "../support/world.js";

/*
 * Trigger mode: every write that fires the webhook starts a pipeline, and GitLab.com refuses more
 * than 25 pipeline creations a minute for one project, user and commit. `handle` and `sweep` in any
 * GitLab CI job space their writes; the clock here moves only when the pacer sleeps.
 */

const PROJECT = "org/careers";
const TRIGGER_JOB = { GITLAB_CI: "true", CI_PIPELINE_SOURCE: "trigger" };
const SCHEDULE_JOB = { GITLAB_CI: "true", CI_PIPELINE_SOURCE: "schedule" };
const WEB_JOB = { GITLAB_CI: "true", CI_PIPELINE_SOURCE: "web" };

/** The pacer's clock, and a wall clock that starts at `wallStart` (the fake's time) and keeps pace. */
function fakeClock(wallStart: string): RunClock & { slept: number[] } {
  const start = 1_000_000;
  let t = start;
  const slept: number[] = [];
  const clock = {
    slept,
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    // Through clock.now, so that a test that rewires it moves the wall clock too.
    wallMs: () => Date.parse(wallStart) + clock.now() - start,
  };
  return clock;
}

/** `issues` interim issues just opened (a sweep sets each up with one write), and the bot's CLI over them. */
function setup(options: { issues: number; perMinute?: number }) {
  const state = new FakeGitLabState({
    now: "2026-01-05T09:00:00Z",
    users: ["career-bot", "alice", "bob", "carol", "pat"],
    projects: [PROJECT],
  });
  state.addLabel(PROJECT, "career::interim-manager");
  const opened = Array.from({ length: options.issues }, (_, i) =>
    state.as("alice").openIssue({
      title: `Interim manager ${i}`,
      description: interimDescription({ people_business_partner: "pat" }),
    }),
  );
  // Their people already on record (the bot's first note of a workflow): the writes counted here are
  // the section's, one per issue.
  for (const { issue } of opened)
    recordPeople(state, issue.id, { team_member: "alice", manager: "bob", people_business_partner: "pat" });
  const config = join(mkdtempSync(join(tmpdir(), "career-bot-pacing-")), "career-bot.yml");
  const perMinute =
    options.perMinute === undefined ? "" : `trigger_writes_per_minute: ${options.perMinute}\n`;
  writeFileSync(config, workflowSuiteConfig(`people_ops: [carol]\n${perMinute}`));
  const clock = fakeClock(state.now);
  const wiring = { connect: () => new FakeGitLab(state, { username: "career-bot" }), clock };
  const env = { GITLAB_URL: "http://127.0.0.1:9", CAREER_BOT_TOKEN: "t", CAREER_BOT_PROJECT: PROJECT };
  const run = async (args: string[], extraEnv: NodeJS.ProcessEnv) => {
    let stdout = "";
    let stderr = "";
    const io = {
      stdout: (t: string) => {
        stdout += t;
      },
      stderr: (t: string) => {
        stderr += t;
      },
    };
    const code = await main(
      [...args, "--config", config, "--now", state.now],
      { ...env, ...extraEnv },
      io,
      wiring,
    );
    return { code, stdout, stderr };
  };
  const json = async (args: string[], extraEnv: NodeJS.ProcessEnv) => {
    const result = await run([...args, "--json"], extraEnv);
    expect(result.code).toBe(0);
    return { ...result, summary: JSON.parse(result.stdout) as RunSummary };
  };
  return { state, opened, clock, run, json };
}

function writesOf(summary: RunSummary): number {
  return summary.issues.reduce((n, i) => n + i.writes.length, 0);
}

describe("pacing in trigger mode", () => {
  it("a scheduled sweep with more writes than the limit waits for each minute's writes to age out", async () => {
    const { clock, json, state } = setup({ issues: 7, perMinute: 3 });
    const { summary, stderr } = await json(["sweep"], SCHEDULE_JOB);
    // Seven issues set up, one PUT each: three, a minute later three more, a minute later the last.
    expect(writesOf(summary)).toBe(7);
    expect(state.requestCounts.get("PUT /projects/:id/issues/:iid")).toBe(7);
    expect(clock.slept).toEqual([PACING_WINDOW_MS, PACING_WINDOW_MS]);
    expect(summary.pacing).toMatchObject({
      writesPerMinute: 3,
      writes: 7,
      waitedMs: 2 * PACING_WINDOW_MS,
      waits: [
        { afterWrites: 3, ms: PACING_WINDOW_MS },
        { afterWrites: 6, ms: PACING_WINDOW_MS },
      ],
    });
    expect(stderr).toMatch(/pacing: waiting 61\.0 s before "update section \+career-stage::eligibility/);
  });

  it("waits only as long as the oldest write of the last minute needs to leave it", async () => {
    const { clock, run } = setup({ issues: 3, perMinute: 2 });
    // Each write comes 20 s after the one before: at 0 s and 20 s; the third, at 40 s, may go only
    // when the first has left the window (61 s), so it waits 21 s.
    const start = clock.now;
    let writes = 0;
    clock.now = () => start() + 20_000 * writes++;
    const result = await run(["sweep"], SCHEDULE_JOB);
    expect(result.code).toBe(0);
    expect(clock.slept).toEqual([PACING_WINDOW_MS - 20_000 - 20_000]);
    expect(result.stdout).toMatch(
      /pacing: waited 21\.0 s in 1 pause\(s\) \(21\.0 s after write 2\) for at most 2 writes a minute/,
    );
  });

  it("paces `handle` in a trigger pipeline too, counting notes and issue writes but not the link", async () => {
    const { clock, json, state, opened } = setup({ issues: 1, perMinute: 1 });
    const [{ payload, issue }] = opened as [(typeof opened)[number]];
    expect((await json(["handle"], { ...TRIGGER_JOB, TRIGGER_PAYLOAD: JSON.stringify(payload) })).code).toBe(
      0,
    );
    expect(clock.slept).toEqual([]);
    // Ticking the eligibility items moves the issue to setup: a follow-up issue, its link, two notes, one PUT.
    state.advance({ days: 1 });
    let last = payload;
    last = tickInterimEligibility(state, issue.iid).payload;
    const { summary } = await json(["handle"], { ...TRIGGER_JOB, TRIGGER_PAYLOAD: JSON.stringify(last) });
    const writes = summary.issues[0]!.writes;
    expect(writes.some((w) => w.what.startsWith("link follow-up"))).toBe(true);
    expect(writes).toHaveLength(5);
    // Four echoing writes (issue create, two notes, the PUT) at one a minute: three pauses.
    expect(summary.pacing).toMatchObject({ writes: 4, writesPerMinute: 1 });
    expect(clock.slept).toEqual([PACING_WINDOW_MS, PACING_WINDOW_MS, PACING_WINDOW_MS]);
  });

  it("never waits when the run stays under the limit, and says so", async () => {
    const { clock, run } = setup({ issues: 5 });
    const result = await run(["sweep"], SCHEDULE_JOB);
    expect(result.code).toBe(0);
    expect(clock.slept).toEqual([]);
    expect(result.stdout).toContain(
      "pacing: 5 write(s), no wait, at most 20 writes a minute (trigger mode: each starts a pipeline)",
    );
  });

  it("paces a sweep started with Run pipeline (web) too: once the webhook is there, every write echoes", async () => {
    // The CI/CD component runs `career-bot:sweep` for `web` pipelines; a sweep right after setup may
    // write once per open issue.
    for (const env of [WEB_JOB, { GITLAB_CI: "true", CI_PIPELINE_SOURCE: "push" }, { GITLAB_CI: "true" }]) {
      const { clock, json } = setup({ issues: 3, perMinute: 2 });
      const { summary } = await json(["sweep"], env);
      expect(writesOf(summary)).toBe(3);
      expect(clock.slept).toEqual([PACING_WINDOW_MS]);
      expect(summary.pacing).toMatchObject({ writes: 3, writesPerMinute: 2 });
    }
  });

  it("does not pace outside GitLab CI, in a dry run, or with 0 writes a minute", async () => {
    for (const [env, args, perMinute] of [
      [{}, [], 1],
      [{ CI_PIPELINE_SOURCE: "schedule" }, [], 1],
      [{ GITLAB_CI: "false", CI_PIPELINE_SOURCE: "trigger" }, [], 1],
      [SCHEDULE_JOB, ["--dry-run"], 1],
      [SCHEDULE_JOB, [], 0],
      [WEB_JOB, [], 0],
    ] as const) {
      const { clock, json } = setup({ issues: 3, perMinute });
      const { summary } = await json(["sweep", ...args], env);
      expect(writesOf(summary)).toBe(3);
      expect(clock.slept).toEqual([]);
      expect(summary.pacing).toBeUndefined();
    }
  });

  it("starts from the bot's pipelines of the last minute: after 18 of them, a limit of 20 waits after 2 writes", async () => {
    const { clock, json, state } = setup({ issues: 3, perMinute: 20 });
    const ago = (seconds: number) => new Date(Date.parse(state.now) - seconds * 1000).toISOString();
    // The job before this one: a burst of events, each a trigger pipeline run as the bot (the
    // trigger's owner), the oldest 40 s ago.
    for (let i = 0; i < 18; i += 1) {
      state.addPipeline(PROJECT, { username: "career-bot", createdAt: ago(40 - i) });
    }
    // Not counted: someone's own pipeline, and the bot's of two minutes ago.
    state.addPipeline(PROJECT, { username: "alice", source: "web", createdAt: ago(5) });
    state.addPipeline(PROJECT, { username: "career-bot", createdAt: ago(120) });
    const { summary } = await json(["sweep"], SCHEDULE_JOB);
    expect(writesOf(summary)).toBe(3);
    // The third write waits for the oldest pipeline to leave the window: 61 s after it, 21 s from now.
    expect(clock.slept).toEqual([PACING_WINDOW_MS - 40_000]);
    expect(summary.pacing).toMatchObject({
      writes: 3,
      startedFrom: 18,
      waits: [{ afterWrites: 2, ms: PACING_WINDOW_MS - 40_000 }],
    });
    expect(state.requestCounts.get("GET /projects/:id/pipelines")).toBe(1);
  });

  it("reads the last minute's pipelines once, before the first write, and not at all in a run that writes nothing", async () => {
    const { clock, run, state } = setup({ issues: 2 });
    const first = await run(["sweep"], SCHEDULE_JOB);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      "pacing: 2 write(s), no wait, at most 20 writes a minute (trigger mode: each starts a pipeline), counting 0 pipeline(s) of the last minute before the run",
    );
    expect(state.requestCounts.get("GET /projects/:id/pipelines")).toBe(1);
    // Both issues are set up: the next sweep and an event the bot ignores write nothing, and ask nothing.
    state.advance({ minutes: 5 });
    expect((await run(["sweep"], SCHEDULE_JOB)).stdout).toContain("0 write(s)");
    const note = state.as("alice").comment(PROJECT, 1, "thanks");
    const handled = await run(["handle"], { ...TRIGGER_JOB, TRIGGER_PAYLOAD: JSON.stringify(note.payload) });
    expect(handled.code).toBe(0);
    expect(state.requestCounts.get("GET /projects/:id/pipelines")).toBe(1);
    expect(clock.slept).toEqual([]);
  });

  it("paces from an empty window when GitLab refuses the pipeline list, says so once and does its work", async () => {
    const { clock, json, state } = setup({ issues: 3, perMinute: 2 });
    for (let i = 0; i < 5; i += 1) state.addPipeline(PROJECT, { username: "career-bot" });
    // A token below Reporter (here a Planner, who may edit issues) is refused the pipeline list: 403.
    state.setRole(PROJECT, "career-bot", "planner");
    const { summary, stderr, stdout } = await json(["sweep"], SCHEDULE_JOB);
    expect(writesOf(summary)).toBe(3);
    expect(summary.failures).toEqual([]);
    expect(summary.pacing).toMatchObject({ writes: 3, startedFrom: null, waits: [{ afterWrites: 2 }] });
    expect(clock.slept).toEqual([PACING_WINDOW_MS]);
    const said = `${stdout}${stderr}`.match(/could not read the project's pipelines of the last minute/g);
    expect(said).toHaveLength(1);
    expect(stderr).toContain("(listing pipelines needs the Reporter role)");
    expect(stderr).toContain("counting from an empty window");
    expect(state.requestCounts.get("GET /projects/:id/pipelines")).toBe(1);
  });

  it("refuses a negative writes-a-minute with the fix", async () => {
    const { run } = setup({ issues: 0, perMinute: -1 });
    const result = await run(["sweep"], SCHEDULE_JOB);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "trigger_writes_per_minute: must be 0 (never wait) or more writes a minute",
    );
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("serve never paces: its webhook posts to itself, so its writes start no pipeline", async () => {
    // Even in a process that looks like a trigger job, with one write a minute allowed: a pause would
    // be a real minute here, and the test would time out.
    vi.stubEnv("GITLAB_CI", "true");
    vi.stubEnv("CI_PIPELINE_SOURCE", "trigger");
    const { state, opened } = setup({ issues: 1 });
    const port = new FakeGitLab(state, { username: "career-bot" });
    const lines: string[] = [];
    const processEvent = createEventProcessor({
      port,
      config: Config.parse({ people_ops: ["carol"], trigger_writes_per_minute: 1 }),
      renderer: new Renderer(),
      bot: await port.currentUser(),
      clock: () => new Date(state.now),
      dryRun: false,
      project: PROJECT,
      secrets: [],
      log: {
        event: (record) => lines.push(JSON.stringify(record)),
        info: (line) => lines.push(line),
      },
    });
    const first = await processEvent(JSON.stringify(opened[0]!.payload), "Issue Hook", "opened");
    const comment = state.as("carol").comment(PROJECT, opened[0]!.issue.iid, "/career status\n/career help");
    const second = await processEvent(JSON.stringify(comment.payload), "Note Hook", "comment");
    expect(writesOf(first!) + writesOf(second!)).toBeGreaterThanOrEqual(3);
    expect(first!.pacing).toBeUndefined();
    expect(second!.pacing).toBeUndefined();
    expect(lines.join("\n")).not.toContain("pacing");
  }, 10_000);
});
