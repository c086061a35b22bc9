/**
 * docs/workflows.md's table "The handbook's rules, kept" names, for every rule of the handbook page, the
 * test that fails when the rule is dropped. This keeps the table from rotting: every named test exists,
 * every named source file exists, and every section of the page has its rows. (The quotes of the page in
 * the table are checked in test/workflows/texts.test.ts, beside the other quotes of the page.)
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSeed } from "../careers/seed.js";
import { deferral, REPO_ROOT, ruleRows, ruleSections, sourcePaths, testRefs } from "./rules-table.js";

const rows = ruleRows();

function source(file: string): string {
  return readFileSync(join(REPO_ROOT, file), "utf8");
}

describe("docs/workflows.md: the handbook's rules, kept", () => {
  it("has a row for every rule, grouped under the page's sections", () => {
    expect(rows.length).toBeGreaterThan(60);
    expect(rows.every((row) => row.section !== "")).toBe(true);
  });

  it("names, in each row's test cell, test files that exist and tests that occur in them", () => {
    const missing: string[] = [];
    for (const row of rows) {
      if (deferral(row.test) !== undefined) continue;
      const refs = testRefs(row.test);
      if (refs.length === 0) missing.push(`${row.section}: "${row.rule}" names no test`);
      for (const ref of refs) {
        if (ref.file === undefined) {
          missing.push(`${row.section}: test "${ref.name}" comes before any test file`);
        } else if (!existsSync(join(REPO_ROOT, ref.file))) {
          missing.push(`${row.section}: no file ${ref.file}`);
        } else if (!source(ref.file).includes(ref.name)) {
          missing.push(`${row.section}: ${ref.file} has no test "${ref.name}"`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("says why in every row it does not automate, and marks rows in progress in both cells", () => {
    for (const row of rows) {
      const kind = deferral(row.test);
      if (kind === "not automated") {
        expect(row.test.slice("not automated:".length).trim(), row.rule).not.toBe("");
      }
      if (kind === "in progress" || row.where.startsWith("(in progress")) {
        expect(row.where, row.rule).toBe("(in progress: issue 10)");
        expect(row.test, row.rule).toBe("(in progress: issue 10)");
      }
    }
  });

  it("names, in each row's where cell, source files and templates that exist", () => {
    const missing = rows.flatMap((row) =>
      sourcePaths(row.where)
        .filter((path) => !existsSync(join(REPO_ROOT, path)))
        .map((path) => `${row.section}: no file ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it("names, in each row's where cell, symbols that occur in src/", () => {
    const src = readdirSync(join(REPO_ROOT, "src"), { recursive: true, encoding: "utf8" })
      .filter((path) => path.endsWith(".ts"))
      .map((path) => source(join("src", path)))
      .join("\n");
    const missing = rows.flatMap((row) =>
      [...row.where.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)]
        .map((match) => match[1] ?? "")
        .filter((symbol) => !new RegExp(`\\b${symbol}\\b`).test(src))
        .map((symbol) => `${row.section}: no ${symbol} in src/`),
    );
    expect(missing).toEqual([]);
  });

  it("covers every section of the page, by a sub-heading or a row that names it", () => {
    const headings = readSeed()
      .split("\n")
      .filter((line) => /^#{2,5} /.test(line))
      .map((line) => line.replace(/^#+ /, "").trim())
      // The table of contents, and the heading that only groups Acting Manager and Interim Manager.
      .filter((heading) => heading !== "On this page" && heading !== "Types of Interim Roles");
    const sections = ruleSections();
    const uncovered = headings.filter(
      (heading) =>
        !sections.some((section) => section.includes(heading)) &&
        !rows.some((row) => row.rule.includes(heading)),
    );
    expect(uncovered).toEqual([]);
  });
});
