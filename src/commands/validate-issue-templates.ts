import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { defaultConfig } from "../config/schema.js";
import { type DataBlock, readDataBlock } from "../engine/data-block.js";
import { describeProblem, validateData } from "../engine/problems.js";
import { workflows } from "../workflows/index.js";
import { withoutZeroWidth } from "./terminal-text.js";

export const ISSUE_TEMPLATE_DIR = ".gitlab/issue_templates";

/**
 * Checks the issue templates people open workflows from: each with a `yaml career` block must carry
 * the `/label` of a workflow the bot knows, a block that reads (usernames are not looked up here),
 * and `/confidential`. A field left blank (`start_date:`) is for the person opening the issue to
 * fill in, so a template may leave any field blank: the issue, not the template, must have it. A template a team customised wrongly would otherwise fail only on its first issue.
 */
export async function checkIssueTemplates(
  dir = ISSUE_TEMPLATE_DIR,
): Promise<{ problems: string[]; checked: number }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".md")).sort();
  } catch {
    return { problems: [], checked: 0 };
  }
  const problems: string[] = [];
  let checked = 0;
  for (const name of names) {
    const text = await readFile(join(dir, name), "utf8");
    if (!/^(```|~~~)[ \t]*yaml[ \t]+career[ \t]*$/m.test(text)) continue;
    checked += 1;
    const where = `${dir}/${name}`;
    const label = /^\/label\s+~"?(career::[a-z-]+)"?\s*$/m.exec(text)?.[1];
    const definition = workflows.find((w) => w.label === label);
    if (!definition) {
      const known = workflows.map((w) => w.label).join(", ");
      problems.push(`${where}: needs a line /label ~"career::<workflow>" with one of ${known}`);
      continue;
    }
    if (!/^\/confidential\s*$/m.test(text)) {
      problems.push(`${where}: needs a line /confidential (career issues are confidential)`);
    }
    const { block, blanks } = withoutBlanks(readDataBlock(text));
    const result = validateData(definition, block, defaultConfig(), new Map());
    if (!result.ok)
      for (const problem of result.problems)
        if (!blanks.has(problem.field))
          problems.push(`${where}: ${withoutZeroWidth(describeProblem(problem))}`);
  }
  return { problems, checked };
}

/** The block without its blank fields, and their names. */
function withoutBlanks(block: DataBlock): { block: DataBlock; blanks: Set<string> } {
  if (block.kind !== "ok") return { block, blanks: new Set() };
  const blanks = new Set(Object.keys(block.data).filter((key) => block.data[key] === null));
  const data = Object.fromEntries(Object.entries(block.data).filter(([key]) => !blanks.has(key)));
  return { block: { kind: "ok", data }, blanks };
}
