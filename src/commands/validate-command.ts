import type { CommandInput, CommandOutput } from "./command.js";
import { validate, validateLines } from "./validate.js";

/** `career-bot validate`: problems are thrown as one ConfigError (exit 2) listing every one. */
export async function runValidate({ options }: CommandInput): Promise<CommandOutput> {
  const result = await validate(options.config, options.configRequired ?? false);
  return { lines: validateLines(result), json: result, exitCode: 0 };
}
