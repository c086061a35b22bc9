import yargs, { type Argv } from "yargs";
import { type GlobalOptions, type Io, processIo, runCommand } from "./commands/run-command.js";
import { UsageError } from "./errors.js";

const EPILOG = `Environment:
  GITLAB_URL / CI_SERVER_URL          GitLab base URL (--gitlab-url)
  CAREER_BOT_TOKEN / GITLAB_TOKEN     API token with scope api, Reporter or higher (--token); never printed
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
): Promise<number> {
  let chosen: { name: string; options: GlobalOptions } | undefined;
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
            default: "0 6 * * *",
            describe: "schedule of the sweep pipeline",
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
      "ladder <role>",
      "print the next roles of a role and whether each move needs company need",
      (y) =>
        y.positional("role", {
          type: "string",
          describe: 'role as in the handbook, e.g. "Senior Backend Engineer"',
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
  if (!chosen) return 0; // --help printed
  return runCommand(chosen.name, chosen.options, env, io);
}
