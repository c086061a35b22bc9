import { CareerBotError, ConfigError } from "../errors.js";
import { errorLine, redactSecrets } from "../run/safe-error.js";
import type { CommandOutput } from "./command.js";
import type { CommandName } from "./definitions.js";
import { type CommandOptions, type Io, processIo } from "./options.js";
import { RUNNERS } from "./registry.js";
import { defaultWiring, type Wiring } from "./wiring.js";

/**
 * Runs a command and maps the outcome to an exit code: 0 done, 1 some work failed, 2 usage or
 * config. Prints the output for people, or with `--json` as one JSON document on stdout; an error
 * is `{"error": ...}` there too, with the same exit code. Never prints a secret.
 */
export async function runCommand(
  name: CommandName,
  options: CommandOptions,
  env: NodeJS.ProcessEnv = process.env,
  io: Io = processIo,
  wiring: Wiring = defaultWiring,
): Promise<number> {
  const secrets = secretsOf(options, env);
  let output: CommandOutput;
  try {
    const run = await RUNNERS[name]();
    output = await run({ options, env, io, wiring, secrets });
  } catch (error) {
    return reportError(error, options.json, io, secrets);
  }
  if (options.json) io.stdout(`${JSON.stringify(output.json, null, 2)}\n`);
  else for (const line of output.lines) io.stdout(`${line}\n`);
  if (output.failure) io.stderr(`career-bot: ${redactSecrets(output.failure, secrets)}\n`);
  return output.exitCode;
}

export function secretsOf(options: Pick<CommandOptions, "token">, env: NodeJS.ProcessEnv): string[] {
  return [
    options.token,
    env.CAREER_BOT_TOKEN,
    env.GITLAB_TOKEN,
    env.CAREER_BOT_WEBHOOK_SECRET,
    env.CAREER_BOT_STATE_SECRET,
  ].filter((s): s is string => typeof s === "string" && s.length > 0);
}

/**
 * Prints an error (stderr for people; with --json also `{"error": {code, message}}` on stdout) and
 * returns its exit code: the error's own for the bot's errors, else 1.
 */
export function reportError(error: unknown, json: boolean, io: Io, secrets: string[]): number {
  const known = error instanceof CareerBotError;
  // Usage and config errors are multi-line lists of what to fix; still never a secret.
  const message = known ? redactSecrets(error.message, secrets) : errorLine(error, secrets);
  io.stderr(`career-bot: ${message}\n`);
  const exitCode = known ? error.exitCode : 1;
  if (json) {
    const code = known ? error.code : ((error as { code?: unknown } | undefined)?.code ?? "EFAILED");
    const problems =
      error instanceof ConfigError && error.problems.length > 0
        ? { problems: error.problems.map((p) => redactSecrets(p, secrets)) }
        : {};
    io.stdout(`${JSON.stringify({ error: { code, message, exitCode, ...problems } }, null, 2)}\n`);
  }
  return exitCode;
}
