import { loadConfig } from "../config/load.js";
import type { PacerClock } from "../engine/pacer.js";
import { Renderer } from "../engine/render.js";
import { CareerBotError, UsageError } from "../errors.js";
import type { GitLabPort } from "../gitlab/port.js";
import type { Reporter, RunContext } from "../run/context.js";
import { errorLine, redactSecrets } from "../run/safe-error.js";
import { type RunSummary, runFailed, summaryLines } from "../run/summary.js";
import { pacerFor, systemClock } from "../run/trigger-mode.js";
import { connect } from "./connect.js";
import { checkPayload } from "./handle.js";

export interface GlobalOptions {
  gitlabUrl?: string;
  token?: string;
  project?: string;
  config: string;
  dryRun: boolean;
  now?: string;
  json: boolean;
  payload?: string;
  group?: string;
  port?: number;
  host?: string;
  webhookUrl?: string;
  cron?: string;
  out?: string;
  role?: string | string[];
  /** init: the careers project's directory. */
  dir?: string;
  /** Set when --config was given: then a missing file is an error, not "use the defaults". */
  configRequired?: boolean;
}

export interface Settings {
  url: string;
  token: string;
  project?: string;
}

/**
 * What `handle` and `sweep` connect to: the real GitLab adapter (connect.ts), unless the caller gives
 * another port. The snapshot's warm-up runs the whole CLI through `main` on an in-memory GitLab this
 * way (scripts/snapshot/entry.ts).
 */
export interface Wiring {
  connect: (settings: Settings, env: NodeJS.ProcessEnv) => GitLabPort;
  /** The pacer's clock in trigger mode (default: the real one); tests give one that never waits. */
  clock?: PacerClock;
}

export const defaultWiring: Wiring = { connect };

/** GitLab settings from options, else the environment (SPEC section 2). */
export function settingsFrom(options: GlobalOptions, env: NodeJS.ProcessEnv, needProject: boolean): Settings {
  const url = options.gitlabUrl ?? env.GITLAB_URL ?? env.CI_SERVER_URL;
  const token = options.token ?? env.CAREER_BOT_TOKEN ?? env.GITLAB_TOKEN;
  const project = options.project ?? env.CAREER_BOT_PROJECT ?? env.CI_PROJECT_ID;
  const missing = [
    !url && "--gitlab-url (or GITLAB_URL)",
    !token && "--token (or CAREER_BOT_TOKEN)",
    needProject && !project && "--project (or CAREER_BOT_PROJECT)",
  ].filter(Boolean);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(", ")}`);
  // People often paste the API root; the bot wants the instance URL and adds /api/v4 itself.
  return { url: url!.replace(/\/+$/, "").replace(/\/api\/v4$/, ""), token: token!, project };
}

export function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const date = new Date(text);
  if (Number.isNaN(date.getTime()))
    throw new UsageError(`--now ${JSON.stringify(text)} is not an ISO-8601 date`);
  return date;
}

/** Where a command prints: the process's streams, or a test's buffers. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Progress lines on stderr (stdout is for --json); GitLab CI gets collapsible sections. */
export function consoleReporter(env: NodeJS.ProcessEnv, io: Io): Reporter {
  const ci = env.GITLAB_CI === "true";
  const section = (ref: string) => `issue_${ref.replace(/[^A-Za-z0-9_]/g, "_")}`;
  // Section timestamps are for GitLab's log viewer only; they never reach a decision.
  const stamp = () => Math.floor(Date.now() / 1000);
  return {
    info: (line) => io.stderr(`${line}\n`),
    beginIssue: ci
      ? (ref) =>
          io.stderr(`\u001b[0Ksection_start:${stamp()}:${section(ref)}[collapsed=true]\r\u001b[0K${ref}\n`)
      : undefined,
    endIssue: ci
      ? (ref) => io.stderr(`\u001b[0Ksection_end:${stamp()}:${section(ref)}\r\u001b[0K\n`)
      : undefined,
  };
}

export async function buildContext(
  options: GlobalOptions,
  port: GitLabPort,
  reporter: Reporter,
): Promise<RunContext> {
  // Everything that can be wrong locally is checked before the first request.
  const now = parseNow(options.now);
  const config = await loadConfig(options.config, { required: options.configRequired ?? false });
  const bot = await port.currentUser();
  return {
    port,
    config,
    renderer: new Renderer(),
    bot,
    now,
    dryRun: options.dryRun,
    budget: { limit: config.max_writes_per_run, used: 0 },
    reporter,
    userCache: new Map(),
  };
}

/** Runs a command and maps the outcome to an exit code: 0 done, 1 some work failed, 2 usage or config. */
export async function runCommand(
  name: string,
  options: GlobalOptions,
  env = process.env,
  io: Io = processIo,
  wiring: Wiring = defaultWiring,
): Promise<number> {
  const secrets = [
    options.token,
    env.CAREER_BOT_TOKEN,
    env.GITLAB_TOKEN,
    env.CAREER_BOT_WEBHOOK_SECRET,
  ].filter((s): s is string => typeof s === "string" && s.length > 0);
  try {
    const summary = await dispatch(name, options, env, secrets, io, wiring);
    if (summary) {
      if (options.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
      else for (const line of summaryLines(summary)) io.stdout(`${line}\n`);
      return runFailed(summary) ? 1 : 0;
    }
    return 0;
  } catch (error) {
    const line = errorLine(error, secrets);
    if (error instanceof CareerBotError) {
      // Usage and config errors are multi-line lists of what to fix; still never a secret.
      io.stderr(`career-bot: ${redactSecrets(error.message, secrets)}\n`);
      return error.exitCode;
    }
    io.stderr(`career-bot: ${line}\n`);
    return 1;
  }
}

async function dispatch(
  name: string,
  options: GlobalOptions,
  env: NodeJS.ProcessEnv,
  secrets: string[],
  io: Io,
  wiring: Wiring,
): Promise<RunSummary | undefined> {
  switch (name) {
    case "validate": {
      const { validate } = await import("./validate.js");
      for (const line of await validate(options.config, options.configRequired ?? false))
        io.stdout(`${line}\n`);
      return undefined;
    }
    case "ladder": {
      const { ladder } = await import("./ladder.js");
      const role = Array.isArray(options.role) ? options.role.join(" ") : String(options.role ?? "");
      for (const line of ladder(role)) io.stdout(`${line}\n`);
      return undefined;
    }
    case "schema": {
      const { configJsonSchema } = await import("../config/json-schema.js");
      io.stdout(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
      return undefined;
    }
    case "handle": {
      const settings = settingsFrom(options, env, true);
      const { readPayload } = await import("./payload-source.js");
      const payload = await readPayload(options.payload, env);
      checkPayload(payload);
      const ctx = await buildContext(options, wiring.connect(settings, env), consoleReporter(env, io));
      ctx.pacer = pacerFor(ctx.config, env, { ...ctx, clock: wiring.clock ?? systemClock });
      const { handle } = await import("./handle.js");
      return paced(ctx, await handle(ctx, payload, { project: settings.project!, secrets }));
    }
    case "sweep": {
      const settings = settingsFrom(options, env, options.group === undefined);
      const ctx = await buildContext(options, wiring.connect(settings, env), consoleReporter(env, io));
      ctx.pacer = pacerFor(ctx.config, env, { ...ctx, clock: wiring.clock ?? systemClock });
      const { sweep } = await import("./sweep.js");
      const sweepOptions = {
        project: settings.project,
        group: options.group,
        shard: shardFrom(env),
        secrets,
      };
      return paced(ctx, await sweep(ctx, sweepOptions));
    }
    default: {
      const { runExtraCommand } = await import("./extra-commands.js");
      return runExtraCommand(name, options, env, secrets, io);
    }
  }
}

/** The summary with what the pacer did, when the run was paced. */
function paced(ctx: RunContext, summary: RunSummary): RunSummary {
  const pacing = ctx.pacer?.report();
  return pacing ? { ...summary, pacing } : summary;
}

function shardFrom(env: NodeJS.ProcessEnv): { index: number; total: number } | undefined {
  const index = Number(env.CI_NODE_INDEX);
  const total = Number(env.CI_NODE_TOTAL);
  if (!Number.isInteger(index) || !Number.isInteger(total) || total < 2) return undefined;
  if (index < 1 || index > total) throw new UsageError(`CI_NODE_INDEX ${index} is outside 1..${total}`);
  return { index, total };
}
