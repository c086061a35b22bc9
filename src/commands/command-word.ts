import { COMMANDS, type CommandDefinition, GLOBAL_OPTIONS } from "./definitions.js";

/** Options that take a value in the next word unless written `--flag=value`. */
const VALUED = new Set(
  [...GLOBAL_OPTIONS, ...(COMMANDS as readonly CommandDefinition[]).flatMap((command) => command.options)]
    .filter((option) => option.type !== "boolean")
    .map((option) => `--${option.flag}`),
);

/**
 * The word that names the command (`career-bot --config c.yml sweep` -> `sweep`), skipping options
 * and their values; undefined when there is none or after `--`.
 */
export function commandWord(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === "--") return undefined;
    if (!arg.startsWith("-")) return arg;
    if (VALUED.has(arg)) i += 1;
  }
  return undefined;
}

/**
 * The command a mistyped word most likely meant: the closest name by edit distance (a swap of two
 * neighbouring letters counts as one edit), if close enough to be a typo, else one it starts.
 */
export function nearestCommand(word: string): string | undefined {
  const names = COMMANDS.map((command) => command.name);
  const typed = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(typed, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (best && best.distance <= Math.max(1, Math.floor(best.name.length / 3))) return best.name;
  return typed.length >= 2 ? names.find((name) => name.startsWith(typed)) : undefined;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}
