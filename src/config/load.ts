import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { ConfigError } from "../errors.js";
import { misnamedConfigProblem } from "./misnamed.js";
import { describeConfigIssues } from "./plain-issues.js";
import { Config } from "./schema.js";

export const DEFAULT_CONFIG_PATH = ".gitlab/career-bot.yml";

/** Reads the config file; a missing file means every default. Every problem is reported with its path. */
export async function loadConfig(path: string, { required = false } = {}): Promise<Config> {
  let text: string;
  try {
    // Sync: a few hundred bytes read once, before any other work; fs/promises would first load its
    // FileHandle machinery (docs/maintaining.md "Performance").
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && !required) {
      const misnamed = misnamedConfigProblem(path);
      if (misnamed) throw new ConfigError(misnamed, [misnamed]);
      return Config.parse({});
    }
    throw new ConfigError(`${path}: cannot read the config file (${(error as Error).message}).`);
  }
  return parseConfigText(text, path);
}

export function parseConfigText(text: string, path = DEFAULT_CONFIG_PATH): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const reason = (e.message.split("\n")[0] ?? "").replace(/[:\s]+$/, "");
      // `people_ops: [@carol]` is the commonest slip; YAML reserves the at sign.
      const hint = /reserved character @/.test(e.message)
        ? " (write usernames without the @, or in quotes)"
        : "";
      return `${path}: ${reason}${hint}`;
    });
    throw new ConfigError(
      `${path} is not valid YAML:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
      problems,
    );
  }
  const result = Config.safeParse(doc.toJS({ maxAliasCount: 100 }) ?? {});
  if (!result.success) {
    const problems = describeConfigIssues(result.error.issues, path, doc, lines);
    throw new ConfigError(
      `${path} has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
      problems,
    );
  }
  return result.data;
}
