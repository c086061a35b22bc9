import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { LadderFileError, loadLadderFile } from "../careers/ladder-file.js";
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
      return withLadders(Config.parse({}), path);
    }
    throw new ConfigError(`${path}: cannot read the config file (${(error as Error).message}).`);
  }
  return withLadders(parseConfigText(text, path), path);
}

/** The config with the team's ladders from `career-ladders.yml` beside it, when there is one. */
function withLadders(config: Config, configPath: string): Config {
  try {
    const ladders = loadLadderFile(configPath);
    return ladders ? { ...config, ladders } : config;
  } catch (error) {
    if (error instanceof LadderFileError) throw new ConfigError(error.message, error.problems);
    throw error;
  }
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
  const result = Config.safeParse(configValue(doc, path) ?? {});
  if (!result.success) {
    const problems = describeConfigIssues(result.error.issues, path, doc, lines);
    throw new ConfigError(
      `${path} has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
      problems,
    );
  }
  return result.data;
}

/*
 * The alias cap stops an alias bomb (a few lines that expand to millions of nodes); yaml then throws a
 * plain ReferenceError, which would exit 1 with a generic message. It is a bad config like any other.
 */
const MAX_ALIAS_COUNT = 100;

function configValue(doc: ReturnType<typeof parseDocument>, path: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const problem = `${path}: ${(error as Error).message} (YAML aliases expand to more than ${MAX_ALIAS_COUNT} times the document; write the values out instead of repeating *aliases)`;
    throw new ConfigError(`${path} is not valid YAML:\n  - ${problem}`, [problem]);
  }
}
