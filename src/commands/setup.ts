import { loadConfig } from "../config/load.js";
import { CareerBotError, UsageError } from "../errors.js";
import type { GitLabPort } from "../gitlab/port.js";
import { setupFailed, setupLines } from "../setup/report.js";
import { runSetup } from "../setup/run-setup.js";
import { workflows } from "../workflows/index.js";
import { connect } from "./connect.js";
import { type GlobalOptions, type Io, settingsFrom } from "./run-command.js";

/** Some setup steps could not be done: exit 1, after the report said which and how to fix them. */
export class SetupIncompleteError extends CareerBotError {
  constructor(count: number) {
    super("ESETUP", `setup could not do ${count} step(s); each is listed above with how to fix it`, 1);
  }
}

/**
 * `career-bot setup`: prints the report (or `--json`) and throws SetupIncompleteError when a step
 * failed. The port is injectable for tests; normally it is the real adapter.
 */
const CRON_RANGES: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

/** Five cron fields, each `*`, a number, a range or a list of them, with an optional `/step`, in range. */
export function isCron(text: string): boolean {
  const fields = text.split(/\s+/);
  if (fields.length !== 5) return false;
  return fields.every((field, index) => {
    const [min, max] = CRON_RANGES[index]!;
    return field.split(",").every((part) => {
      const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
      if (!match) return false;
      const numbers = [match[2], match[3]].filter((n) => n !== undefined).map(Number);
      const step = match[4] === undefined ? 1 : Number(match[4]);
      return (
        step >= 1 &&
        numbers.every((n) => n >= min && n <= max) &&
        (numbers.length < 2 || numbers[0]! <= numbers[1]!)
      );
    });
  });
}

export async function setupCommand(
  options: GlobalOptions,
  env: NodeJS.ProcessEnv,
  secrets: string[],
  io: Io,
  port?: GitLabPort,
): Promise<undefined> {
  const settings = settingsFrom(options, env, true);
  const cron = options.cron?.trim();
  if (cron !== undefined && !isCron(cron)) {
    throw new UsageError(
      `--cron "${cron}" is not a cron expression: five fields (minute 0-59, hour 0-23, day 1-31, month 1-12, weekday 0-7), e.g. "0 6 * * *"`,
    );
  }
  const serve = options.webhookUrl === undefined ? undefined : serveTarget(options.webhookUrl, env);
  const config = await loadConfig(options.config, { required: options.configRequired ?? false });
  const report = await runSetup(port ?? connect(settings, env), {
    project: settings.project!,
    gitlabUrl: settings.url,
    workflows,
    cron,
    timezone: config.timezone,
    dryRun: options.dryRun,
    serve,
    secrets,
  });
  if (options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else for (const line of setupLines(report)) io.stdout(`${line}\n`);
  const failed = setupFailed(report);
  if (failed.length > 0) throw new SetupIncompleteError(failed.length);
  return undefined;
}

function serveTarget(url: string, env: NodeJS.ProcessEnv): { url: string; secret: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--webhook-url ${JSON.stringify(url)} is not a URL`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new UsageError("--webhook-url must be an http(s) URL");
  const secret = env.CAREER_BOT_WEBHOOK_SECRET;
  if (!secret) {
    throw new UsageError(
      "--webhook-url needs CAREER_BOT_WEBHOOK_SECRET: setup gives it to the webhook and serve checks it",
    );
  }
  return { url, secret };
}
