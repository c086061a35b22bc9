import { loadConfig } from "../config/load.js";
import { UsageError } from "../errors.js";
import type { GitLabPort } from "../gitlab/port.js";
import { tokenExpiryNotice } from "../run/token-expiry.js";
import { setupFailed, setupLines } from "../setup/report.js";
import { runSetup } from "../setup/run-setup.js";
import { workflows } from "../workflows/index.js";
import type { CommandInput, CommandOutput } from "./command.js";
import { whoAmI } from "./context.js";
import type { CommandOptions } from "./options.js";
import { settingsFrom } from "./settings.js";
import { systemClock } from "./wiring.js";

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

/** `career-bot setup`, through the wiring's port (the real adapter unless a test gives another). */
export function runSetupCommand({ options, env, wiring, secrets }: CommandInput): Promise<CommandOutput> {
  const nowMs = (wiring.clock ?? systemClock).wallMs();
  return setupCommand(options, env, secrets, (settings) => wiring.connect(settings, env), nowMs);
}

/**
 * The report (for people, or as JSON) and exit 1 when a step could not be done; each failed step
 * says how to fix it.
 */
export async function setupCommand(
  options: CommandOptions,
  env: NodeJS.ProcessEnv,
  secrets: string[],
  connectTo: (settings: ReturnType<typeof settingsFrom>) => GitLabPort,
  nowMs?: number,
): Promise<CommandOutput> {
  const settings = settingsFrom(options, env, true);
  const cron = options.cron?.trim();
  if (cron !== undefined && !isCron(cron)) {
    throw new UsageError(
      `--cron "${cron}" is not a cron expression: five fields (minute 0-59, hour 0-23, day 1-31, month 1-12, weekday 0-7), e.g. "0 6 * * *"`,
    );
  }
  const sweepOnly = options.webhook === false;
  if (sweepOnly && options.webhookUrl !== undefined) {
    throw new UsageError("--no-webhook and --webhook-url contradict each other: choose one");
  }
  const serve = options.webhookUrl === undefined ? undefined : serveTarget(options.webhookUrl, env);
  const config = await loadConfig(options.config, { required: options.configRequired ?? false });
  const port = connectTo(settings);
  // The bot's user first, as every other command: a URL that is not GitLab, or does not answer, is
  // said so naming the setting, before the project lookup would call it "no such project (404)".
  const bot = await whoAmI(port, settings);
  const report = await runSetup(port, {
    bot,
    project: settings.project!,
    gitlabUrl: settings.url,
    workflows,
    cron,
    timezone: config.timezone,
    dryRun: options.dryRun,
    serve,
    sweepOnly,
    secrets,
  });
  const warning = nowMs === undefined ? undefined : await tokenExpiryNotice(port, nowMs);
  if (warning) report.warnings = [warning];
  const failed = setupFailed(report);
  return {
    lines: setupLines(report),
    json: report,
    exitCode: failed.length > 0 ? 1 : 0,
    ...(failed.length > 0
      ? { failure: `setup could not do ${failed.length} step(s); each is listed with how to fix it` }
      : {}),
  };
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
