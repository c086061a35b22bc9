import type { Argv, Options } from "yargs";
import { UsageError } from "../errors.js";
import { commandWord } from "./command-word.js";
import { COMMANDS, type CommandDefinition, GLOBAL_OPTIONS, type OptionDefinition } from "./definitions.js";
import type { ChosenCommand, CommandOptions } from "./options.js";
import { plainUsageMessage } from "./usage-messages.js";

const EPILOG = `Environment:
  GITLAB_URL / CI_SERVER_URL          GitLab base URL (--gitlab-url)
  CAREER_BOT_TOKEN / GITLAB_TOKEN     API token with scope api (Maintainer for setup; see README) (--token); never printed
  CAREER_BOT_PROJECT / CI_PROJECT_ID  project id or path (--project)
  TRIGGER_PAYLOAD                     webhook body for handle (a file path, as GitLab CI passes it, or JSON)
  CAREER_BOT_WEBHOOK_SECRET           secret that serve checks in X-Gitlab-Token
  CI_NODE_INDEX / CI_NODE_TOTAL       sweep shard (GitLab CI parallel:)

Exit codes: 0 done (ignored events, refused commands and invalid data blocks are answered, so done);
1 some work failed (the rest was done; each failure is listed); 2 bad usage or bad config.`;

function yargsOption(option: OptionDefinition): Options {
  return {
    type: option.type,
    describe: option.describe,
    ...(option.default === undefined ? {} : { default: option.default }),
    ...(option.choices ? { choices: [...option.choices] } : {}),
  };
}

function withOptions(argv: Argv, options: readonly OptionDefinition[]): Argv {
  return options.reduce((y, option) => y.option(option.flag, yargsOption(option)), argv);
}

/**
 * The full parser, built from definitions.ts and loaded only for command lines the quick reader
 * leaves (help, serve, setup, ...). Returns the chosen command, undefined after --help, or throws a
 * UsageError (exit 2).
 */
export async function parseWithYargs(args: string[]): Promise<ChosenCommand | undefined> {
  const { default: yargs } = await import("yargs");
  let chosen: ChosenCommand | undefined;
  let parser = withOptions(yargs(args), GLOBAL_OPTIONS)
    .scriptName("career-bot")
    // --version is answered before yargs loads (cli.ts); yargs' own would look for package.json.
    .usage(
      "$0 <command> [options]\n$0 --version\n\nRuns engineering career-development workflows as labeled GitLab issues.",
    );
  for (const command of COMMANDS as readonly CommandDefinition[]) {
    const positional = command.positional;
    const usage = !positional
      ? command.name
      : positional.optional
        ? `${command.name} [${positional.name}]`
        : `${command.name} <${positional.name}..>`;
    parser = parser.command(
      usage,
      command.describe,
      (y) => {
        const withOwn = withOptions(y, command.options);
        return positional
          ? withOwn.positional(positional.name, {
              type: "string",
              ...(positional.optional ? { default: positional.optional.default } : { array: true }),
              describe: positional.describe,
            })
          : withOwn;
      },
      (options) => {
        chosen = { name: command.name, options: options as unknown as CommandOptions } as ChosenCommand;
      },
    );
  }
  await parser
    .demandCommand(1, "Name a command; see --help.")
    .strict()
    .epilog(EPILOG)
    .help()
    .alias("help", "h")
    .version(false)
    // Answered before yargs loads (cli.ts); listed here so the help shows it.
    .option("version", { alias: "v", type: "boolean", describe: "print career-bot's version" })
    .wrap(Math.min(110, process.stdout.columns || 110))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(plainUsageMessage(message, commandWord(args)));
    })
    .parseAsync();
  return chosen;
}
