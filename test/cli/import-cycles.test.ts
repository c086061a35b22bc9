import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// src/ is a tree of imports: cli.ts -> run-command.ts -> registry.ts -> each command's runner ->
// the engine -> its leaves (workflow-state.ts, writer.ts, ...). A cycle (run-command.ts and a command
// importing each other, replay.ts and command-judge.ts, apply.ts and races.ts, as they once did) makes
// module evaluation order matter and hides who depends on whom.
// TypeScript's own pre-processor lists every import, export-from and dynamic import() of a file;
// type-only imports count too, since they couple the files just the same.

const ROOT = resolve(new URL("../../", import.meta.url).pathname);
const SRC = join(ROOT, "src");

function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const local = importedFiles
      .map((entry) => entry.fileName)
      .filter((name) => name.startsWith("."))
      .map((name) => resolve(dirname(file), name.replace(/\.js$/, ".ts")));
    graph.set(file, local);
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one file, or a file importing itself. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)!.includes(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(SRC, name));
}

describe("the imports of src/", () => {
  it("form no cycle anywhere in src/", () => {
    const found = cycles(importGraph(sourceFiles())).map((component) =>
      component.map((file) => relative(ROOT, file)).join(" <-> "),
    );
    expect(found).toEqual([]);
  });

  it("reach the engine's and the fake GitLab's files, not only the command layer's", () => {
    const files = sourceFiles().map((file) => relative(ROOT, file));
    expect(files).toEqual(
      expect.arrayContaining([
        "src/cli.ts",
        "src/engine/replay.ts",
        "src/engine/apply.ts",
        "src/gitlab/fake/state.ts",
      ]),
    );
    const graph = importGraph(sourceFiles());
    expect(graph.get(join(SRC, "engine", "replay.ts"))).toContain(join(SRC, "engine", "command-judge.ts"));
  });

  it("finds a cycle, static or dynamic, where there is one", () => {
    const graph = new Map([
      ["run-command.ts", ["registry.ts"]],
      ["registry.ts", ["serve.ts"]],
      ["serve.ts", ["run-command.ts", "options.ts"]],
      ["options.ts", []],
      ["self.ts", ["self.ts"]],
    ]);
    expect(cycles(graph)).toEqual([["registry.ts", "run-command.ts", "serve.ts"], ["self.ts"]]);
    const { importedFiles } = ts.preProcessFile(
      'import type { A } from "./a.js";\nexport { b } from "./b.js";\nawait import("./c.js");',
      true,
      true,
    );
    expect(importedFiles.map((entry) => entry.fileName).sort()).toEqual(["./a.js", "./b.js", "./c.js"]);
  });
});
