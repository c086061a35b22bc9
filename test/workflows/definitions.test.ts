import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { readDataBlock } from "../../src/engine/data-block.js";
import { validateData } from "../../src/engine/problems.js";
import { Renderer } from "../../src/engine/render.js";
import { validateDefinition } from "../../src/engine/validate-definition.js";
import { workflows } from "../../src/workflows/index.js";

const renderer = new Renderer();

describe("workflow definitions", () => {
  it("registers every workflow label of SPEC section 3", () => {
    expect(workflows.map((w) => w.label).sort()).toEqual(
      [
        "career::interim-manager",
        "career::acting-manager",
        "career::apprenticeship",
        "career::promotion",
        "career::on-loan",
        "career::lateral-transfer",
        "career::management-trial",
        "career::conversation",
      ].sort(),
    );
  });

  it.each(workflows.map((w) => [w.id, w] as const))(
    "%s names only stages, gates, conditions and templates that exist",
    (_, definition) => {
      expect(validateDefinition(definition, renderer)).toEqual([]);
    },
  );

  it("catches a typo in a definition", () => {
    const broken = {
      ...workflows[1]!,
      stages: workflows[1]!.stages.map((s) => ({ ...s, guidance: `${s.guidance}-typo` })),
    };
    expect(validateDefinition(broken, renderer).join("\n")).toContain("unknown template");
  });

  it.each(workflows.map((w) => [w.id, w] as const))(
    "%s has an issue template with a valid data block showing every field, its label and /confidential",
    (_, definition) => {
      const text = readFileSync(
        new URL(`../../.gitlab/issue_templates/${definition.title}.md`, import.meta.url),
        "utf8",
      );
      expect(text).toMatch(/^```yaml career$/m);
      expect(text).toMatch(new RegExp(`^/label ~"${definition.label}"$`, "m"));
      expect(text).toMatch(/^\/confidential$/m);
      const block = readDataBlock(text);
      expect(validateData(definition, block, defaultConfig(), new Map())).toMatchObject({ ok: true });
      expect(block.kind === "ok" && Object.keys(block.data).sort()).toEqual(
        fieldsOf(definition.schema).sort(),
      );
    },
  );
});

/** The keys a data block may hold: the object schema's, also behind a transform. */
function fieldsOf(schema: unknown): string[] {
  const s = schema as { shape?: Record<string, unknown>; in?: unknown };
  if (s.shape) return Object.keys(s.shape);
  return s.in ? fieldsOf(s.in) : [];
}
