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

describe("reminders that wait for an item", () => {
  const waiting = workflows.flatMap((w) =>
    w.reminders.filter((r) => r.unlessTicked !== undefined).map((r) => [`${w.id} ${r.key}`, w, r] as const),
  );

  it("exist for the interim and acting managers' making the role explicit", () => {
    expect(waiting.map(([name]) => name).sort()).toEqual([
      "acting-manager make-explicit",
      "interim-manager make-explicit",
    ]);
  });

  it.each(waiting)("%s names an item of its stage's checklist", (_, definition, reminder) => {
    const text = readFileSync(
      new URL(`../../.gitlab/issue_templates/${definition.title}.md`, import.meta.url),
      "utf8",
    );
    const validated = validateData(definition, readDataBlock(text), defaultConfig(), new Map());
    if (!validated.ok) throw new Error(`${definition.id}: the template's block is invalid`);
    const ctx = { data: validated.data, config: defaultConfig(), facts: {}, stageEntered: "", today: "" };
    const stages = reminder.stages === "open" ? definition.stages.map((s) => s.id) : reminder.stages;
    const items = definition.stages
      .filter((s) => stages.includes(s.id))
      .flatMap((s) => s.checklist?.(ctx as never) ?? [])
      .map((item) => item.text);
    expect(items).toContain(reminder.unlessTicked);
  });
});

/** The keys a data block may hold: the object schema's, also behind a transform. */
function fieldsOf(schema: unknown): string[] {
  const s = schema as { shape?: Record<string, unknown>; in?: unknown };
  if (s.shape) return Object.keys(s.shape);
  return s.in ? fieldsOf(s.in) : [];
}
