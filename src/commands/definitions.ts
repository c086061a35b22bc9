/**
 * Every command and option of the CLI, as data: the one definition that the full parser
 * (yargs-parse.ts), the quick reader of the bot jobs' command lines (quick-parse.ts), the command
 * suggestions (command-word.ts) and the dispatcher (registry.ts) are built from, so none of them can
 * drift from the others. This module imports nothing: `handle` reads it at every start.
 */

export interface OptionDefinition {
  /** The spelling on the command line, without `--`; the options object uses its camelCase form. */
  flag: string;
  type: "string" | "number" | "boolean";
  describe: string;
  default?: string | number | boolean;
  choices?: readonly string[];
}

export interface CommandDefinition {
  name: string;
  describe: string;
  options: readonly OptionDefinition[];
  /** A command that takes words after it (`ladder Senior Backend Engineer`). */
  positional?: {
    name: string;
    describe: string;
    /** One optional word (`init [dir]`) instead of one or more (`ladder <role..>`). */
    optional?: { default: string };
  };
  /**
   * Read without yargs when the command line is simple (quick-parse.ts): the commands a bot job runs
   * at every event and schedule, whose start-up time counts.
   */
  quick?: boolean;
}

export const GLOBAL_OPTIONS: readonly OptionDefinition[] = [
  { flag: "gitlab-url", type: "string", describe: "GitLab base URL (env GITLAB_URL, else CI_SERVER_URL)" },
  { flag: "token", type: "string", describe: "API token (env CAREER_BOT_TOKEN, else GITLAB_TOKEN)" },
  {
    flag: "project",
    type: "string",
    describe: "project id or path (env CAREER_BOT_PROJECT, else CI_PROJECT_ID)",
  },
  {
    flag: "config",
    type: "string",
    default: ".gitlab/career-bot.yml",
    describe: "config file; missing means defaults",
  },
  { flag: "dry-run", type: "boolean", default: false, describe: "print the planned actions, write nothing" },
  {
    flag: "now",
    type: "string",
    describe: "the clock, an ISO-8601 date-time such as 2026-01-05T09:00:00Z (default: the real time)",
  },
  {
    flag: "json",
    type: "boolean",
    default: false,
    describe: 'machine-readable output on stdout; errors too, as {"error": ...}',
  },
];

export const COMMANDS = [
  {
    name: "handle",
    describe: "handle one webhook event (Issue Hook / Note Hook JSON)",
    options: [
      { flag: "payload", type: "string", describe: "event file, - for stdin (default: $TRIGGER_PAYLOAD)" },
    ],
    quick: true,
  },
  {
    name: "sweep",
    describe: "reconcile open workflow issues: date gates, reminders, recurring issues, missed events",
    options: [{ flag: "group", type: "string", describe: "sweep every project of this group (path or id)" }],
    quick: true,
  },
  {
    name: "serve",
    describe: "webhook receiver; checks X-Gitlab-Token against CAREER_BOT_WEBHOOK_SECRET",
    options: [
      { flag: "port", type: "number", default: 8080, describe: "port to listen on" },
      { flag: "host", type: "string", default: "127.0.0.1", describe: "address to listen on" },
      {
        flag: "log-format",
        type: "string",
        default: "text",
        choices: ["text", "json"],
        describe: "one log line per event: text, or json (one object per line) for log collectors",
      },
    ],
  },
  {
    name: "setup",
    describe: "idempotently create labels, pipeline trigger, webhook and schedule",
    options: [
      {
        flag: "webhook-url",
        type: "string",
        describe: "point the webhook here (serve) instead of the pipeline trigger",
      },
      {
        flag: "webhook",
        type: "boolean",
        default: true,
        describe:
          "make the pipeline trigger and the webhook; --no-webhook: the sweep alone runs the workflows (run it hourly), for projects that may not use pipeline variables",
      },
      {
        flag: "cron",
        type: "string",
        describe: 'schedule of the sweep pipeline (new schedule: "0 6 * * *"; an existing one keeps its own)',
      },
    ],
  },
  {
    name: "validate",
    describe: "check config, workflow definitions and templates; exit 2 on any error",
    options: [],
  },
  {
    name: "demo",
    describe: "run a whole interim appointment on an embedded simulated GitLab",
    options: [{ flag: "out", type: "string", describe: "also write the timeline as Markdown to this file" }],
  },
  {
    name: "init",
    describe: "write a careers project's config, issue templates and CI include (never overwrites a file)",
    options: [],
    positional: { name: "dir", describe: "the careers project's directory", optional: { default: "." } },
  },
  {
    name: "report",
    describe: "print the dashboard's content (what needs attention, running workflows, ...), writing nothing",
    options: [
      { flag: "group", type: "string", describe: "cover every project of this group (path or id)" },
      {
        flag: "format",
        type: "string",
        default: "md",
        choices: ["md", "json", "csv"],
        describe: "md: the dashboard's Markdown; json: the same as data; csv: one row per workflow issue",
      },
      {
        flag: "person",
        type: "string",
        describe:
          "a person's history instead: every workflow (open and closed) in which this username is the team member",
      },
    ],
  },
  {
    name: "ladder",
    describe:
      "print the next roles of a role (or a department's ladder) and whether each move needs company need",
    options: [
      {
        flag: "format",
        type: "string",
        default: "text",
        choices: ["text", "mermaid"],
        describe:
          "text: the next roles; mermaid: a picture of the ladder around the role, to paste into GitLab",
      },
    ],
    positional: {
      name: "role",
      describe:
        "role as in the handbook or .gitlab/career-ladders.yml, e.g. Senior Backend Engineer, or a department (quotes optional)",
    },
  },
  { name: "schema", describe: "print the JSON Schema of .gitlab/career-bot.yml (for editors)", options: [] },
] as const satisfies readonly CommandDefinition[];

export type CommandName = (typeof COMMANDS)[number]["name"];

/** `gitlab-url` -> `gitlabUrl`: the key yargs gives an option, and the one the commands read. */
export function optionKey(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

export function commandNamed(name: string): CommandDefinition | undefined {
  return (COMMANDS as readonly CommandDefinition[]).find((command) => command.name === name);
}

export function isCommandName(name: string): name is CommandName {
  return commandNamed(name) !== undefined;
}
