import {
  COMMANDS,
  type CommandDefinition,
  GLOBAL_OPTIONS,
  type OptionDefinition,
  optionKey,
} from "./definitions.js";
import type { ChosenCommand, CommandOptions } from "./options.js";

/**
 * The command line a bot job runs (a `quick` command of definitions.ts with `--name value`,
 * `--name=value` and boolean switches), read without loading yargs: the result equals what yargs
 * makes of it (test/bundle/quick-parse.test.ts). Anything else (help, an unknown or repeated option,
 * a positional, a value that starts with a dash or a quote, `--no-...`, camelCase spellings, a
 * number-typed or choices option) returns undefined, and yargs parses it as always.
 */
export function quickParse(args: readonly string[]): ChosenCommand | undefined {
  const [name, ...rest] = args;
  const command = QUICK.get(name ?? "");
  if (!command) return undefined;
  const options: Record<string, unknown> = defaults(command.definition);
  const seen = new Set<string>();
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    if (!arg.startsWith("--") || arg === "--") return undefined;
    const eq = arg.indexOf("=");
    const flag = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (seen.has(flag)) return undefined;
    seen.add(flag);
    const option = command.options.get(flag);
    if (!option || option.type === "number" || option.choices) return undefined;
    if (option.type === "boolean") {
      if (eq >= 0) return undefined;
      // yargs would take a following `true`/`false` as the switch's value; leave that to it.
      const next = rest[i + 1];
      if (next !== undefined && !next.startsWith("--")) return undefined;
      options[optionKey(flag)] = true;
      continue;
    }
    if (eq < 0) i += 1;
    const value = eq < 0 ? rest[i] : arg.slice(eq + 1);
    if (value === undefined || !plainValue(value)) return undefined;
    options[optionKey(flag)] = value;
  }
  return { name: command.definition.name, options: options as unknown as CommandOptions } as ChosenCommand;
}

interface QuickCommand {
  definition: CommandDefinition;
  options: Map<string, OptionDefinition>;
}

const QUICK = new Map<string, QuickCommand>(
  (COMMANDS as readonly CommandDefinition[])
    .filter((command) => command.quick)
    .map((definition) => [
      definition.name,
      {
        definition,
        options: new Map([...GLOBAL_OPTIONS, ...definition.options].map((option) => [option.flag, option])),
      },
    ]),
);

function defaults(command: CommandDefinition): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const option of [...GLOBAL_OPTIONS, ...command.options])
    if (option.default !== undefined) options[optionKey(option.flag)] = option.default;
  return options;
}

/** A value yargs passes through unchanged: not empty, no leading dash, no surrounding quotes. */
function plainValue(value: string): boolean {
  return value.length > 0 && !/^[-'"]/.test(value) && !/['"]$/.test(value);
}
