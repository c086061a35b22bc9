/**
 * Readers for the table "The handbook's rules, kept" in docs/workflows.md: one row per rule of the
 * handbook page, where the bot keeps it, and the test that fails when it is dropped. The table's tests
 * (test/docs/workflows-table.test.ts, and the quote check in test/workflows/texts.test.ts) keep it from
 * rotting.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const WORKFLOWS_DOC = fileURLToPath(new URL("../../docs/workflows.md", import.meta.url));
const HEADING = "## The handbook's rules, kept";

export interface RuleRow {
  /** The `### ` sub-heading the row sits under (a section of the page). */
  readonly section: string;
  readonly rule: string;
  readonly where: string;
  readonly test: string;
}

/** The cells of a markdown table line; `\|` inside a cell stays a pipe. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

/** The text of the rules section: from its heading to the next `## ` heading. */
export function rulesSection(markdown = readFileSync(WORKFLOWS_DOC, "utf8")): string {
  const start = markdown.indexOf(`\n${HEADING}\n`);
  if (start < 0) throw new Error(`docs/workflows.md has no "${HEADING}"`);
  const rest = markdown.slice(start + HEADING.length + 2);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

export function ruleRows(markdown?: string): RuleRow[] {
  const rows: RuleRow[] = [];
  let section = "";
  for (const line of rulesSection(markdown).split("\n")) {
    if (line.startsWith("### ")) section = line.slice(4).trim();
    if (!line.trim().startsWith("|")) continue;
    const row = cells(line);
    if (row.every((cell) => /^-+$/.test(cell)) || row[0] === "The page's rule") continue;
    if (row.length !== 3) throw new Error(`a rules row needs 3 cells, has ${row.length}: ${line}`);
    const [rule, where, test] = row as [string, string, string];
    rows.push({ section, rule, where, test });
  }
  return rows;
}

/** The sub-headings of the rules section, in order. */
export function ruleSections(markdown?: string): string[] {
  return rulesSection(markdown)
    .split("\n")
    .filter((line) => line.startsWith("### "))
    .map((line) => line.slice(4).trim());
}

/** A rule kept later or not at all says so in its test cell instead of naming a test. */
export function deferral(testCell: string): "in progress" | "not automated" | undefined {
  if (testCell.startsWith("(in progress: issue 10)")) return "in progress";
  if (testCell.startsWith("not automated:")) return "not automated";
  return undefined;
}

/** The double-quoted passages of a cell. */
export function quotes(cell: string): string[] {
  return [...cell.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? "");
}

export interface TestRef {
  readonly file: string | undefined;
  readonly name: string;
}

/**
 * The tests a test cell names: a test file path (`test/....test.ts`), then the quoted names of its
 * tests, as written in the file's source (`%s` and `${...}` included); a later path starts a new file.
 */
export function testRefs(cell: string): TestRef[] {
  const refs: TestRef[] = [];
  let file: string | undefined;
  for (const match of cell.matchAll(/(test\/[\w./-]+\.test\.ts)|"([^"]+)"/g)) {
    if (match[1] !== undefined) file = match[1];
    else refs.push({ file, name: match[2] ?? "" });
  }
  return refs;
}

/** Paths of source files and templates a "where" cell names. */
export function sourcePaths(cell: string): string[] {
  return [...cell.matchAll(/\b((?:src|templates)\/[\w./-]+\.(?:ts|hbs))\b/g)].map((match) => match[1] ?? "");
}
