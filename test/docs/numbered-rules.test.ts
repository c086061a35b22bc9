/**
 * docs/workflows.md's "The 51 rules, numbered" (issue 20): every rule of the handbook page a bot can keep
 * or state, R1 to R51, each with where the bot keeps it and the test that fails without it. This keeps
 * the table honest: the numbers run without gaps, and every test, file and symbol it names exists.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, sourcePaths, testRefs, WORKFLOWS_DOC } from "./rules-table.js";

const HEADING = "## The 51 rules, numbered";

interface NumberedRule {
  number: number;
  rule: string;
  where: string;
  test: string;
}

function numberedRules(): NumberedRule[] {
  const text = readFileSync(WORKFLOWS_DOC, "utf8");
  const start = text.indexOf(`\n${HEADING}\n`);
  if (start < 0) throw new Error(`docs/workflows.md has no "${HEADING}"`);
  const rest = text.slice(start + HEADING.length + 2);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  return section
    .split("\n")
    .filter((line) => /^\| R\d+ \|/.test(line))
    .map((line) => {
      const cells = line
        .trim()
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((cell) => cell.trim());
      if (cells.length !== 4) throw new Error(`a numbered rule needs 4 cells: ${line}`);
      const [number, rule, where, test] = cells as [string, string, string, string];
      return { number: Number(number.slice(1)), rule, where, test };
    });
}

const source = (file: string) => readFileSync(join(REPO_ROOT, file), "utf8");

describe("docs/workflows.md: the 51 rules, numbered", () => {
  const rules = numberedRules();

  it("numbers the rules R1 to R51, once each, in order", () => {
    expect(rules.map((r) => r.number)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
  });

  it("names for every rule where the bot keeps it and tests that exist", () => {
    const missing: string[] = [];
    for (const rule of rules) {
      if (rule.where === "") missing.push(`R${rule.number}: no place`);
      const refs = testRefs(rule.test);
      if (refs.length === 0) missing.push(`R${rule.number}: names no test`);
      for (const ref of refs) {
        if (ref.file === undefined) missing.push(`R${rule.number}: "${ref.name}" before any test file`);
        else if (!existsSync(join(REPO_ROOT, ref.file))) missing.push(`R${rule.number}: no file ${ref.file}`);
        else if (!source(ref.file).includes(ref.name))
          missing.push(`R${rule.number}: ${ref.file} has no "${ref.name}"`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("names source files and symbols that exist", () => {
    const src = readdirSync(join(REPO_ROOT, "src"), { recursive: true, encoding: "utf8" })
      .filter((path) => path.endsWith(".ts"))
      .map((path) => source(join("src", path)))
      .join("\n");
    const missing = rules.flatMap((rule) => [
      ...sourcePaths(rule.where)
        .filter((path) => !existsSync(join(REPO_ROOT, path)))
        .map((path) => `R${rule.number}: no file ${path}`),
      ...[...rule.where.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)]
        .map((match) => match[1] ?? "")
        .filter((symbol) => !new RegExp(`\\b${symbol}\\b`).test(src))
        .map((symbol) => `R${rule.number}: no ${symbol} in src/`),
    ]);
    expect(missing).toEqual([]);
  });

  it("reads a test cell as the checks above need it: the file, then each test name", () => {
    expect(testRefs('`test/x.test.ts` "a"; "b"')).toEqual([
      { file: "test/x.test.ts", name: "a" },
      { file: "test/x.test.ts", name: "b" },
    ]);
  });
});
