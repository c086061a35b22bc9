import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { precompileInto } from "../../scripts/snapshot/handlebars-specs.js";
import "../../scripts/snapshot/picomatch-memo.js";
import { Renderer, TEMPLATE_DIR } from "../../src/engine/render.js";

// What the startup snapshot prepares once instead of in every run (scripts/snapshot/) must give
// the answers a run that prepares it itself gets.

type Compiler = { prototype: { compile: (...args: unknown[]) => unknown } };

function outcome(renderer: Renderer, name: string, data: Record<string, unknown>): string {
  try {
    return renderer.render(name, data, { reply: "a reply", diagram: "a diagram" }, ["alice"]);
  } catch (error) {
    return `threw ${(error as Error).message}`;
  }
}

describe("gitbeaker's rate-limit globs compiled once", () => {
  it("match as globs compiled on every call do", () => {
    const picomatch = createRequire(import.meta.url)("picomatch-browser") as ((
      glob: string,
    ) => (input: string) => boolean) & {
      isMatch: (input: string, glob: string, options?: unknown) => boolean;
    };
    const globs = ["**", "projects/*/issues/*/notes", "projects/*/repository/archive*", "groups/import"];
    // The first call compiles and keeps each matcher (picomatch-memo.ts); the checks below use it.
    for (const glob of globs) picomatch.isMatch("", glob);
    const endpoints = [
      "user",
      "projects/org%2Fcareers/issues/1/notes",
      "projects/1/issues/12/notes/5",
      "projects/1/repository/archive.zip",
      "groups/import",
      "groups/import/x",
      "",
    ];
    for (const glob of globs) {
      for (const endpoint of endpoints) {
        const fresh = picomatch(glob)(endpoint);
        expect(picomatch.isMatch(endpoint, glob), `${glob} ${endpoint}`).toBe(fresh);
        expect(picomatch.isMatch(endpoint, glob), `${glob} ${endpoint}, again`).toBe(fresh);
      }
    }
    expect(picomatch.isMatch("a/b", "a/*", { dot: true })).toBe(true);
  });
});

describe("templates compiled when the snapshot is built", () => {
  it("render as compiled ones do, without compiling again", () => {
    const compiling = new Renderer();
    const names = [...compiling.names].sort();
    const texts = names.map((name) => readFileSync(join(TEMPLATE_DIR, `${name}.hbs`), "utf8"));
    const data = [
      {},
      { team_member: "alice", manager: "bob", stage: "eligibility", items: ["a", "b"], due: "2026-04-05" },
    ];
    const expected = names.flatMap((name) => data.map((d) => outcome(compiling, name, d)));

    expect(precompileInto(texts, { noEscape: true })).toBeGreaterThanOrEqual(new Set(texts).size);
    const compiler = (Handlebars as unknown as { JavaScriptCompiler: Compiler }).JavaScriptCompiler;
    const compile = compiler.prototype.compile;
    let compiled = 0;
    compiler.prototype.compile = function (this: unknown, ...args: unknown[]) {
      compiled += 1;
      return compile.apply(this, args);
    };
    try {
      const precompiled = new Renderer();
      expect(names.flatMap((name) => data.map((d) => outcome(precompiled, name, d)))).toEqual(expected);
      expect(compiled).toBe(0);
      // Any other text still compiles on first use.
      expect(Handlebars.create().compile("{{a}}!", { noEscape: true })({ a: "<b>" })).toBe("<b>!");
      expect(compiled).toBe(1);
    } finally {
      compiler.prototype.compile = compile;
    }
  });
});
