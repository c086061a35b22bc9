/**
 * The spellings people type without thinking, turned into the ones the parser knows: `help` and
 * `help <command>` (git, npm), `-h` and `-v` (most CLIs). Only in the command's place: after a
 * command, `-v` or `help` may be someone's value, so they are left alone there.
 */
export function conventionalArgs(args: readonly string[]): string[] {
  const [first, ...rest] = args;
  if (first === "help") return rest.length === 0 ? ["--help"] : [...rest, "--help"];
  if (first === "-v" && rest.length === 0) return ["--version"];
  return args.map((arg, i) => (arg === "-h" && !args.slice(0, i).includes("--") ? "--help" : arg));
}
