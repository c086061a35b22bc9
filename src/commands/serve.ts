import { loadConfig } from "../config/load.js";
import { UsageError } from "../errors.js";
import { startServe } from "../serve/start.js";
import { connect } from "./connect.js";
import { type GlobalOptions, type Io, parseNow, settingsFrom } from "./run-command.js";

/**
 * `career-bot serve`: runs the webhook receiver until SIGTERM or SIGINT, then stops accepting,
 * finishes the events in hand and returns (exit 0). Refuses to start without the webhook secret:
 * a receiver that takes any caller's events would let anyone drive the bot.
 */
export async function serveCommand(
  options: GlobalOptions,
  env: NodeJS.ProcessEnv,
  secrets: string[],
  io: Io,
): Promise<undefined> {
  const secret = env.CAREER_BOT_WEBHOOK_SECRET;
  if (!secret) {
    throw new UsageError(
      "serve needs CAREER_BOT_WEBHOOK_SECRET (the webhook's secret token, which GitLab sends as X-Gitlab-Token)",
    );
  }
  const port = options.port ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port ${port} is not a port`);
  const settings = settingsFrom(options, env, true);
  const config = await loadConfig(options.config, { required: options.configRequired ?? false });
  // Checked now so a bad --now fails at start, not on the first event.
  const fixed = options.now === undefined ? undefined : parseNow(options.now);
  const log = (line: string) => io.stderr(`${line}\n`);
  const running = await startServe({
    gitlab: connect(settings, env),
    config,
    clock: fixed ? () => fixed : () => new Date(),
    secret,
    project: settings.project!,
    host: options.host ?? "127.0.0.1",
    port,
    dryRun: options.dryRun,
    secrets,
    reporter: { info: log },
  });
  log(
    `career-bot serve: listening on ${running.url} (POST / or /webhook, GET /healthz) for ${settings.project}`,
  );
  const signal = await stopSignal();
  log(`career-bot serve: ${signal}: no new events; finishing ${running.inHand()} in hand`);
  await running.stop();
  log("career-bot serve: stopped");
  return undefined;
}

function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGTERM", stop);
      process.off("SIGINT", stop);
      resolve(signal);
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  });
}
