import { existsSync } from "node:fs";

/**
 * When the config file is missing, the same name with the other YAML extension (career-bot.yaml for
 * career-bot.yml, and back): a file someone wrote for the bot that it would otherwise ignore in
 * silence, running on the defaults. The problem line names it and the rename that fixes it.
 */
export function misnamedConfigProblem(path: string): string | undefined {
  const other = path.endsWith(".yml")
    ? `${path.slice(0, -".yml".length)}.yaml`
    : path.endsWith(".yaml")
      ? `${path.slice(0, -".yaml".length)}.yml`
      : undefined;
  if (other === undefined || !existsSync(other)) return undefined;
  return `${other}: career-bot reads ${path}, not this file: rename it (git mv ${other} ${path}) or pass --config ${other}`;
}
