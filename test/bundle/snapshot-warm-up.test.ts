import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { precompileInto } from "../../scripts/snapshot/handlebars-specs.js";
import { Renderer, TEMPLATE_DIR } from "../../src/engine/render.js";

// The startup snapshot compiles the templates once (scripts/snapshot/handlebars-specs.ts); a run
// from it must render what a run that compiles them renders, and compile nothing itself.

type Compiler = { prototype: { compile: (...args: unknown[]) => unknown } };

function outcome(renderer: Renderer, name: string, data: Record<string, unknown>): string {
  try {
    return renderer.render(name, data, { reply: "a reply", diagram: "a diagram" }, ["alice"]);
  } catch (error) {
    return `threw ${(error as Error).message}`;
  }
}

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
