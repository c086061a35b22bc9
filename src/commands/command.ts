import type { CommandOptions, Io } from "./options.js";
import type { Wiring } from "./wiring.js";

/** What every command gets: its options, the environment, where to print, and what to connect to. */
export interface CommandInput {
  options: CommandOptions;
  env: NodeJS.ProcessEnv;
  io: Io;
  wiring: Wiring;
  /** Every secret of this run, cut out of anything printed. */
  secrets: string[];
}

/**
 * What a command has to say, printed by run-command.ts: `lines` for people, `json` for machines
 * (`--json`), and the exit code (1 when some work failed; usage and config errors are thrown).
 */
export interface CommandOutput {
  lines: string[];
  json: unknown;
  exitCode: 0 | 1;
  /** Said on stderr after the output when the exit code is 1: what failed and how to go on. */
  failure?: string;
}

export type CommandRunner = (input: CommandInput) => Promise<CommandOutput>;
