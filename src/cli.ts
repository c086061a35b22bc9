import type { Argv } from "yargs";
import {
  defaultWiring,
  type GlobalOptions,
  type Io,
  processIo,
  runCommand,
  type Wiring,
} from "./commands/run-command.js";
import { UsageError } from "./errors.js";

const EPILOG = `Environment:
  GITLAB_URL / CI_SERVER_URL          GitLab base URL (--gitlab-url)
  CAREER_BOT_TOKEN / GITLAB_TOKEN     API token with scope api (Maintainer for setup; see README) (--token); never printed
  CAREER_BOT_PROJECT / CI_PROJECT_ID  project id or path (--project)
  TRIGGER_PAYLOAD                     webhook body for handle (a file path, as GitLab CI passes it, or JSON)
  CAREER_BOT_WEBHOOK_SECRET           secret that serve checks in X-Gitlab-Token
  CI_NODE_INDEX / CI_NODE_TOTAL       sweep shard (GitLab CI parallel:)

Exit codes: 0 done (ignored events, refused commands and invalid data blocks are answered, so done);
1 some work failed (the rest was done; each failure is listed); 2 bad usage or bad config.`;

function globalOptions(argv: Argv) {
  return argv
    .option("gitlab-url", {
      type: "string",
      describe: "GitLab base URL (env GITLAB_URL, else CI_SERVER_URL)",
    })
    .option("token", { type: "string", describe: "API token (env CAREER_BOT_TOKEN, else GITLAB_TOKEN)" })
    .option("project", {
      type: "string",
      describe: "project id or path (env CAREER_BOT_PROJECT, else CI_PROJECT_ID)",
    })
    .option("config", {
      type: "string",
      default: ".gitlab/career-bot.yml",
      describe: "config file; missing means defaults",
    })
    .option("dry-run", {
      type: "boolean",
      default: false,
      describe: "print the planned actions, write nothing",
    })
    .option("now", { type: "string", describe: "the clock, ISO-8601 (default: the real time)" })
    .option("json", { type: "boolean", default: false, describe: "machine-readable summary on stdout" });
}

/** Parses the command line and runs one command; returns the exit code. Never prints a token. */
export async function main(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = processIo,
  wiring: Wiring = defaultWiring,
): Promise<number> {
  if (io === processIo) quietOnClosedPipe();
  // `--payload -` (stdin) reads to yargs like a stray positional; `--payload=-` is the same thing.
  const normalised = args.flatMap((arg, i) =>
    arg === "-" && args[i - 1] === "--payload"
      ? []
      : arg === "--payload" && args[i + 1] === "-"
        ? ["--payload=-"]
        : [arg],
  );
  const chosen = quickParse(normalised) ?? (await parseWithYargs(normalised, io));
  if (typeof chosen === "number") return chosen;
  if (!chosen) return 0; // --help printed
  // A config file named on the command line must exist; only the default may be missing.
  chosen.options.configRequired = normalised.some((a) => a === "--config" || a.startsWith("--config="));
  return runCommand(chosen.name, chosen.options, env, io, wiring);
}

/** `career-bot demo | head` closes stdout early: that is the reader's choice, not a crash. */
function quietOnClosedPipe(): void {
  if (process.stdout.listenerCount("error") > 0) return;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export interface ChosenCommand {
  name: string;
  options: GlobalOptions;
}

/** The options every command takes (`globalOptions`): string-valued, and the two switches. */
const GLOBAL_STRINGS = new Map([
  ["gitlab-url", "gitlabUrl"],
  ["token", "token"],
  ["project", "project"],
  ["config", "config"],
  ["now", "now"],
]);
const GLOBAL_SWITCHES = new Map([
  ["dry-run", "dryRun"],
  ["json", "json"],
]);
/** The commands a CI job runs, with their own string options. */
const QUICK_COMMANDS = new Map([
  ["handle", new Map([["payload", "payload"]])],
  ["sweep", new Map([["group", "group"]])],
]);

/**
 * The command line a bot job runs (`handle` or `sweep` with `--name value`, `--name=value` and the
 * two switches), read without loading yargs: the result equals what yargs makes of it. Anything
 * else (help, an unknown or repeated option, a positional, a value that starts with a dash or a
 * quote, `--no-...`, camelCase spellings) returns undefined, and yargs parses it as always.
 */
export function quickParse(args: readonly string[]): ChosenCommand | undefined {
  const [name, ...rest] = args;
  const strings = name === undefined ? undefined : QUICK_COMMANDS.get(name);
  if (!name || !strings) return undefined;
  const options: Record<string, unknown> = { config: ".gitlab/career-bot.yml", dryRun: false, json: false };
  const seen = new Set<string>();
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    if (!arg.startsWith("--") || arg === "--") return undefined;
    const eq = arg.indexOf("=");
    const flag = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (seen.has(flag)) return undefined;
    seen.add(flag);
    const key = GLOBAL_STRINGS.get(flag) ?? strings.get(flag);
    if (key === undefined) {
      const switchKey = GLOBAL_SWITCHES.get(flag);
      if (switchKey === undefined || eq >= 0) return undefined;
      // yargs would take a following `true`/`false` as the switch's value; leave that to it.
      const next = rest[i + 1];
      if (next !== undefined && !next.startsWith("--")) return undefined;
      options[switchKey] = true;
      continue;
    }
    if (eq < 0) i += 1;
    const value = eq < 0 ? rest[i] : arg.slice(eq + 1);
    if (value === undefined || !plainValue(value)) return undefined;
    options[key] = value;
  }
  return { name, options: options as unknown as GlobalOptions };
}

/** A value yargs passes through unchanged: not empty, no leading dash, no surrounding quotes. */
function plainValue(value: string): boolean {
  return value.length > 0 && !/^[-'"]/.test(value) && !/['"]$/.test(value);
}

/** Everything else: yargs, loaded only now. A number is the exit code of a usage error. */
export async function parseWithYargs(args: string[], io: Io): Promise<ChosenCommand | number | undefined> {
  const { default: yargs } = await import("yargs");
  let chosen: ChosenCommand | undefined;
  const pick = (name: string) => (options: unknown) => {
    chosen = { name, options: options as GlobalOptions };
  };
  const parser = globalOptions(yargs(args))
    .scriptName("career-bot")
    .usage(
      "$0 <command> [options]\n\nRuns engineering career-development workflows as labeled GitLab issues.",
    )
    .command(
      "handle",
      "handle one webhook event (Issue Hook / Note Hook JSON)",
      (y) =>
        y.option("payload", {
          type: "string",
          describe: "event file, - for stdin (default: $TRIGGER_PAYLOAD)",
        }),
      pick("handle"),
    )
    .command(
      "sweep",
      "reconcile open workflow issues: date gates, reminders, recurring issues, missed events",
      (y) =>
        y.option("group", { type: "string", describe: "sweep every project of this group (path or id)" }),
      pick("sweep"),
    )
    .command(
      "serve",
      "webhook receiver; checks X-Gitlab-Token against CAREER_BOT_WEBHOOK_SECRET",
      (y) =>
        y
          .option("port", { type: "number", default: 8080, describe: "port to listen on" })
          .option("host", { type: "string", default: "127.0.0.1", describe: "address to listen on" }),
      pick("serve"),
    )
    .command(
      "setup",
      "idempotently create labels, pipeline trigger, webhook and schedule",
      (y) =>
        y
          .option("webhook-url", {
            type: "string",
            describe: "point the webhook here (serve) instead of the pipeline trigger",
          })
          .option("cron", {
            type: "string",
            describe:
              'schedule of the sweep pipeline (new schedule: "0 6 * * *"; an existing one keeps its own)',
          }),
      pick("setup"),
    )
    .command(
      "validate",
      "check config, workflow definitions and templates; exit 2 on any error",
      (y) => y,
      pick("validate"),
    )
    .command(
      "demo",
      "run a whole interim appointment on an embedded simulated GitLab",
      (y) =>
        y.option("out", { type: "string", describe: "also write the timeline as Markdown to this file" }),
      pick("demo"),
    )
    .command(
      "init [dir]",
      "write a careers project's config, issue templates and CI include (never overwrites a file)",
      (y) =>
        y.positional("dir", { type: "string", default: ".", describe: "the careers project's directory" }),
      pick("init"),
    )
    .command(
      "ladder <role..>",
      "print the next roles of a role and whether each move needs company need",
      (y) =>
        y.positional("role", {
          type: "string",
          array: true,
          describe: "role as in the handbook, e.g. Senior Backend Engineer (quotes optional)",
        }),
      pick("ladder"),
    )
    .command(
      "schema",
      "print the JSON Schema of .gitlab/career-bot.yml (for editors)",
      (y) => y,
      pick("schema"),
    )
    .demandCommand(1, "Name a command; see --help.")
    .strict()
    .epilog(EPILOG)
    .help()
    .version(false)
    .wrap(Math.min(110, process.stdout.columns || 110))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });

  try {
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`career-bot: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  return chosen;
}
