import { editDistance } from "./command-word.js";
import { COMMANDS, type CommandDefinition, GLOBAL_OPTIONS } from "./definitions.js";

/**
 * yargs' usage failures in plain words: a missing positional says what to give and an example, an
 * unknown option names the nearest known one (as a mistyped command does). Anything else as it is.
 */
export function plainUsageMessage(message: string, command: string | undefined): string {
  const definition = (COMMANDS as readonly CommandDefinition[]).find((c) => c.name === command);
  if (/^Not enough non-option arguments/.test(message) && definition?.positional) {
    const { name, describe } = definition.positional;
    return `${definition.name} needs a ${name}: ${describe} (see career-bot ${definition.name} --help)`;
  }
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (unknown) {
    // yargs lists each unknown flag twice, as typed and camelCased; keep the typed ones.
    const typed = unknown[1]!.split(", ").filter((word) => !/[A-Z]/.test(word) || !/-/.test(word));
    const flags = [...new Set(typed)].map((word) => (word.startsWith("-") ? word : `--${word}`));
    const shown = flags.filter((flag) => !flags.some((other) => other !== flag && camel(other) === flag));
    return shown.map((flag) => unknownOption(flag, definition)).join("; ");
  }
  return message;
}

function unknownOption(flag: string, command: CommandDefinition | undefined): string {
  const known = [...GLOBAL_OPTIONS, ...(command?.options ?? [])].map((option) => `--${option.flag}`);
  const nearest = nearestOption(flag, known);
  const hint = nearest ? `: did you mean ${nearest}?` : "";
  const help = command ? `career-bot ${command.name} --help` : "career-bot --help";
  return `unknown option ${flag}${hint} (see ${help} for the options)`;
}

function nearestOption(flag: string, known: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(flag.toLowerCase(), name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(best.name.length / 4)) ? best.name : undefined;
}

function camel(flag: string): string {
  return `--${flag.replace(/^--/, "").replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())}`;
}
