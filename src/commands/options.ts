import type { CommandName } from "./definitions.js";

/**
 * What the parsers make of a command line (definitions.ts): every global option, and the options of
 * whichever command runs. Keys are the camelCase forms of the flags.
 */
export interface CommandOptions {
  gitlabUrl?: string;
  token?: string;
  project?: string;
  config: string;
  dryRun: boolean;
  now?: string;
  json: boolean;
  payload?: string;
  group?: string;
  port?: number;
  host?: string;
  logFormat?: string;
  webhookUrl?: string;
  /** setup: false with --no-webhook (no trigger, no webhook: the sweep alone runs the workflows). */
  webhook?: boolean;
  cron?: string;
  out?: string;
  /** report: md, json or csv; ladder: text or mermaid. */
  format?: string;
  /** report: a person's history (their username) instead of the dashboard's content. */
  person?: string;
  role?: string | string[];
  /** init: the careers project's directory. */
  dir?: string;
  /** Set when --config was given: then a missing file is an error, not "use the defaults". */
  configRequired?: boolean;
}

/** A parsed command line: the command and its options. */
export interface ChosenCommand {
  name: CommandName;
  options: CommandOptions;
}

/** Where a command prints: the process's streams, or a test's buffers. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
