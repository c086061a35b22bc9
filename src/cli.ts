import { commandWord, nearestCommand } from "./commands/command-word.js";
import { conventionalArgs } from "./commands/conventions.js";
import { COMMANDS, isCommandName } from "./commands/definitions.js";
import { type ChosenCommand, type Io, processIo } from "./commands/options.js";
import { quickParse } from "./commands/quick-parse.js";
import { reportError, runCommand, secretsOf } from "./commands/run-command.js";
import { version } from "./commands/version.js";
import { defaultWiring, type Wiring } from "./commands/wiring.js";
import { UnknownCommandError } from "./errors.js";

/** Parses the command line and runs one command; returns the exit code. Never prints a token. */
export async function main(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = processIo,
  wiring: Wiring = defaultWiring,
): Promise<number> {
  if (io === processIo) quietOnClosedPipe();
  const normalised = normalisePayloadDash(conventionalArgs(args));
  const chosen = quickParse(normalised);
  const picked = chosen ?? (await parseSlowly(normalised, env, io));
  if (typeof picked === "number") return picked;
  // A config file named on the command line must exist; only the default may be missing.
  picked.options.configRequired = normalised.some((a) => a === "--config" || a.startsWith("--config="));
  return runCommand(picked.name, picked.options, env, io, wiring);
}

/** `--payload -` (stdin) reads to yargs like a stray positional; `--payload=-` is the same thing. */
function normalisePayloadDash(args: string[]): string[] {
  return args.flatMap((arg, i) =>
    arg === "-" && args[i - 1] === "--payload"
      ? []
      : arg === "--payload" && args[i + 1] === "-"
        ? ["--payload=-"]
        : [arg],
  );
}

/**
 * Everything the quick reader leaves: `--version`, an unknown command (with the nearest one), and
 * yargs, loaded only now. A number is an exit code (0 after --help or --version).
 */
async function parseSlowly(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<ChosenCommand | number> {
  const beforeDashes = args.includes("--") ? args.slice(0, args.indexOf("--")) : args;
  const json = beforeDashes.some((arg) => arg === "--json" || arg === "--json=true");
  if (beforeDashes.includes("--version")) {
    io.stdout(json ? `${JSON.stringify({ version: version() })}\n` : `${version()}\n`);
    return 0;
  }
  try {
    const word = commandWord(args);
    if (word !== undefined && !isCommandName(word) && !beforeDashes.some((a) => a === "--help" || a === "-h"))
      throw new UnknownCommandError(
        word,
        COMMANDS.map((c) => c.name),
        nearestCommand(word),
      );
    const { parseWithYargs } = await import("./commands/yargs-parse.js");
    return (await parseWithYargs(args)) ?? 0; // undefined: --help printed
  } catch (error) {
    return reportError(error, json, io, secretsOf({}, env));
  }
}

/** `career-bot demo | head` closes stdout early: that is the reader's choice, not a crash. */
function quietOnClosedPipe(): void {
  if (process.stdout.listenerCount("error") > 0) return;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
