import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli.js";
import {
  FakeGitLabServer,
  FakeGitLabState,
  type RunningServer,
  type WebhookPayload,
} from "../../src/gitlab/fake/index.js";
import { workflows } from "../../src/workflows/index.js";

export const BOT = "career-bot";

/**
 * The config of the workflow suites. The dashboard is switched off there: those suites count every
 * request and write a handle or sweep makes, and keeping a dashboard adds its own (one lookup per
 * event, a listing and sometimes a write per sweep). The dashboard's suites (test/dashboard/) turn
 * it on; a config that says anything about `dashboard` is left as it is.
 */
export function workflowSuiteConfig(text: string): string {
  if (/^dashboard:/m.test(text)) return text;
  return `${text.endsWith("\n") || text === "" ? text : `${text}\n`}dashboard:\n  enabled: false\n`;
}
export const BOT_TOKEN = "glpat-bot-secret-token-123";
export const PROJECT = "org/careers";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A simulated GitLab on 127.0.0.1 plus the real CLI (in-process `main`) using the real gitbeaker
 * client. The fake's clock is the scenario's clock: every run gets `--now` = `state.now`.
 */
export class World {
  readonly state: FakeGitLabState;
  readonly server: FakeGitLabServer;
  readonly dir = mkdtempSync(join(tmpdir(), "career-bot-"));
  running?: RunningServer;
  configPath: string;
  /** Extra environment for every run (e.g. the retry and timeout knobs of the fault suites). */
  extraEnv: NodeJS.ProcessEnv = {};
  private payloadCount = 0;

  constructor(options: { now?: string; config?: string; users?: string[] } = {}) {
    this.state = new FakeGitLabState({
      now: options.now ?? "2026-01-05T09:00:00Z",
      users: [BOT, "alice", "bob", "carol", "dave", "eve", "pat", ...(options.users ?? [])],
      projects: [PROJECT],
    });
    // Every workflow label exists, as `career-bot setup` leaves the project: the templates' `/label`
    // quick action only applies labels that exist.
    for (const label of ["career::interim-manager", ...workflows.map((w) => w.label)]) {
      if (!this.state.findLabel(this.state.requireProject(PROJECT).id, label))
        this.state.addLabel(PROJECT, label);
    }
    this.server = new FakeGitLabServer(this.state, { tokens: { [BOT_TOKEN]: BOT } });
    this.configPath = join(this.dir, "career-bot.yml");
    writeFileSync(this.configPath, workflowSuiteConfig(options.config ?? "people_ops: [carol]\n"));
  }

  async start(): Promise<this> {
    this.running = await this.server.start();
    return this;
  }

  /** Stops the fake GitLab and removes the world's folder (config, event files). */
  async stop(): Promise<void> {
    await this.running?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  env(): NodeJS.ProcessEnv {
    return {
      GITLAB_URL: this.running!.url,
      CAREER_BOT_TOKEN: BOT_TOKEN,
      CAREER_BOT_PROJECT: PROJECT,
      ...this.extraEnv,
    };
  }

  async cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
    let stdout = "";
    let stderr = "";
    const code = await main(
      [...args, "--config", this.configPath, "--now", this.state.now],
      { ...this.env(), ...env },
      {
        stdout: (t) => {
          stdout += t;
        },
        stderr: (t) => {
          stderr += t;
        },
      },
    );
    return { code, stdout, stderr };
  }

  async handle(
    payload: WebhookPayload | WebhookPayload[] | null | undefined,
    extra: string[] = [],
  ): Promise<CliResult> {
    const list = Array.isArray(payload) ? payload : payload ? [payload] : [];
    let last: CliResult = { code: 0, stdout: "", stderr: "" };
    for (const p of list) {
      const file = join(this.dir, `event-${++this.payloadCount}.json`);
      writeFileSync(file, JSON.stringify(p));
      last = await this.cli(["handle", "--payload", file, ...extra]);
      if (last.code !== 0) return last;
    }
    return last;
  }

  sweep(extra: string[] = []): Promise<CliResult> {
    return this.cli(["sweep", ...extra]);
  }

  /** Writes (POST/PUT/DELETE) the bot made so far. */
  writes(): number {
    let n = 0;
    for (const [key, count] of this.state.requestCounts) if (!key.startsWith("GET ")) n += count;
    return n;
  }

  issue(iid: number) {
    return this.state.findIssue(this.state.requireProject(PROJECT).id, iid)!;
  }

  /** How many writes `act` made (handling an event again or sweeping again should make none). */
  async writesDuring(act: () => Promise<unknown>): Promise<number> {
    const before = this.writes();
    await act();
    return this.writes() - before;
  }

  /** The issue's labels, sorted. */
  labels(iid: number): string[] {
    return [...this.issue(iid).labels].sort();
  }

  /** The `career-stage::` label(s) of the issue, without the prefix. */
  stages(iid: number): string[] {
    return this.labels(iid)
      .filter((l) => l.startsWith("career-stage::"))
      .map((l) => l.slice("career-stage::".length));
  }

  /** Keys of the bot's notes on an issue (from their `<!-- career-bot:note key=... -->` markers). */
  noteKeys(iid: number): string[] {
    return this.botNotes(iid).map((n) => /key=(\S+) -->/.exec(n.body)?.[1] ?? "");
  }

  /** Quick actions GitLab ran from text the bot wrote. */
  botQuickActions() {
    return this.state.quickActionsExecuted.filter((q) => q.author === BOT);
  }

  /**
   * The bot's comments on an issue, except the note that records the workflow's people when it
   * starts (every workflow has one; test/scenarios/people-record.test.ts looks at it): the suites
   * count what the bot says about the workflow.
   */
  botNotes(iid: number) {
    return this.allBotNotes(iid).filter(
      (n) => !n.body.includes("<!-- career-bot:note key=people:record -->"),
    );
  }

  /** Every comment of the bot's on the issue, the people record included. */
  allBotNotes(iid: number) {
    const bot = this.state.requireUser(BOT);
    return this.state.notesOf(this.issue(iid).id).filter((n) => n.authorId === bot.id && !n.system);
  }
}

/** The interim manager issue template with its data block filled in. */
export function interimDescription(fields: Record<string, string>): string {
  let text = readFileSync(
    new URL("../../.gitlab/issue_templates/Interim manager.md", import.meta.url),
    "utf8",
  );
  for (const [key, value] of Object.entries(fields)) {
    text = text.replace(new RegExp(`^(#\\s*)?${key}:.*$`, "m"), `${key}: ${value}`);
  }
  return text;
}

/**
 * An issue template of `.gitlab/issue_templates/` with fields of its data block replaced (a following
 * indented YAML list goes with its key); `null` removes the field.
 */
export function templateDescription(template: string, fields: Record<string, string | null> = {}): string {
  let text = readFileSync(new URL(`../../.gitlab/issue_templates/${template}.md`, import.meta.url), "utf8");
  for (const [key, value] of Object.entries(fields)) {
    const line = new RegExp(`^(#\\s*)?${key}:.*(\\n[ \\t]+- .*)*\\n`, "m");
    if (!line.test(text)) throw new Error(`${template}.md has no field ${key}`);
    text = text.replace(line, value === null ? "" : `${key}: ${value}\n`);
  }
  return text;
}

/** The world as a scenario's bot runner: every run is the real CLI, in-process. */
export function cliRunner(world: World) {
  const outcome = (result: CliResult) => ({ code: result.code, output: `${result.stdout}${result.stderr}` });
  return {
    state: world.state,
    handle: async (payload: WebhookPayload) => outcome(await world.handle(payload)),
    sweep: async () => outcome(await world.sweep()),
  };
}
