import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = resolve(new URL("../../src/", import.meta.url).pathname);

/** Every file of src/ and the src/ files it imports (relative imports, type-only ones too). */
function imports(): Array<[string, string[]]> {
  const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
  return files.map((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const local = importedFiles
      .map((entry) => entry.fileName)
      .filter((name) => name.startsWith("."))
      .map((name) => relative(SRC, resolve(dirname(file), name.replace(/\.js$/, ".ts"))));
    return [relative(SRC, file), local];
  });
}

describe("src/commands/ is the CLI: parsing and printing, no use case", () => {
  it("the use cases (handle one event, sweep) live in src/run/, and serve and the demo take them from there", () => {
    const graph = new Map(imports());
    expect(graph.has("run/handle.ts")).toBe(true);
    expect(graph.has("run/sweep.ts")).toBe(true);
    expect(graph.has("commands/handle.ts")).toBe(false);
    expect(graph.has("commands/sweep.ts")).toBe(false);
    expect(graph.get("serve/processor.ts")).toContain("run/handle.ts");
    expect(graph.get("demo/world.ts")).toEqual(expect.arrayContaining(["run/handle.ts", "run/sweep.ts"]));
  });

  it("nothing outside the CLI imports from src/commands/ but its text helpers", () => {
    // Printing and spelling helpers may be shared; a runner, a parser or a use case may not.
    const shared = new Set(["commands/terminal-text.ts", "commands/command-word.ts"]);
    const cli = (file: string) => file.startsWith("commands/") || file === "cli.ts" || file === "entry.ts";
    const reaching = imports().flatMap(([file, targets]) =>
      cli(file)
        ? []
        : targets.filter((t) => t.startsWith("commands/") && !shared.has(t)).map((t) => `${file} -> ${t}`),
    );
    expect(reaching).toEqual([]);
  });
});
