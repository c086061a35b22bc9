import { loadConfig } from "../config/load.js";
import { stateKeyMaterial, stateSigner } from "../engine/state-signature.js";
import { UsageError } from "../errors.js";
import { type LogFormat, serveLog } from "../serve/log.js";
import { startServe } from "../serve/start.js";
import type { CommandInput, CommandOutput } from "./command.js";
import { whoAmI } from "./context.js";
import { parseNow } from "./now.js";
import { settingsFrom } from "./settings.js";

/**
 * `career-bot serve`: runs the webhook receiver until SIGTERM or SIGINT, then stops accepting,
 * finishes the events in hand and returns (exit 0). Refuses to start without the webhook secret:
 * a receiver that takes any caller's events would let anyone drive the bot. Logs go to stderr, one
 * line per event (`--log-format text|json`); stdout gets the final summary (`--json`).
 */
export async function runServe({ options, env, io, wiring, secrets }: CommandInput): Promise<CommandOutput> {
  const secret = env.CAREER_BOT_WEBHOOK_SECRET;
  if (!secret) {
    throw new UsageError(
      "serve needs CAREER_BOT_WEBHOOK_SECRET (the webhook's secret token, which GitLab sends as X-Gitlab-Token)",
    );
  }
  const port = options.port ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port ${port} is not a port`);
  const format = logFormat(options.logFormat);
  const settings = settingsFrom(options, env, true);
  const config = await loadConfig(options.config, { required: options.configRequired ?? false });
  // Checked now so a bad --now fails at start, not on the first event.
  const fixed = options.now === undefined ? undefined : parseNow(options.now);
  // The wall clock, not --now: a log line says when it was written.
  const log = serveLog(
    format,
    (line) => io.stderr(`${line}\n`),
    () => new Date(),
  );
  const gitlab = wiring.connect(settings, env);
  await whoAmI(gitlab, settings); // a URL that is not GitLab fails the start, naming the setting
  const running = await startServe({
    gitlab,
    config,
    clock: fixed ? () => fixed : () => new Date(),
    secret,
    project: settings.project!,
    host: options.host ?? "127.0.0.1",
    port,
    dryRun: options.dryRun,
    secrets,
    log,
    stateSigner: stateSigner(stateKeyMaterial(env, settings.token)),
  });
  log.info(
    `career-bot serve: listening on ${running.url} (POST / or /webhook, GET /healthz) for ${settings.project}`,
  );
  const signal = await stopSignal();
  const inHand = running.inHand();
  log.info(`career-bot serve: ${signal}: no new events; finishing ${inHand} in hand`);
  await running.stop();
  log.info("career-bot serve: stopped");
  const json = {
    command: "serve",
    url: running.url,
    project: settings.project,
    stoppedBy: signal,
    finished: inHand,
  };
  return { lines: [], json, exitCode: 0 };
}

function logFormat(text: string | undefined): LogFormat {
  if (text === undefined || text === "text" || text === "json") return text ?? "text";
  throw new UsageError(`--log-format ${JSON.stringify(text)}: use text or json`);
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
