import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { readDataBlock } from "../../src/engine/data-block.js";
import { FakeGitLab } from "../../src/gitlab/fake/index.js";
import { workflows } from "../../src/workflows/index.js";
import { freshState, handleText, memory } from "../support/cli-memory.js";
import { templateOf } from "../support/scenario.js";
import { BOT, PROJECT } from "../support/world.js";

vi.mock("../../src/commands/connect.js", () => ({
  connect: () => new FakeGitLab(memory.state, { username: BOT }),
}));

/*
 * SPEC section 4 and 7: whatever a person writes in the data block, the bot does not crash, exits 0
 * (it answered), sets career-status::needs-info and says in one comment what to fix, naming the field.
 */

const FIELDS = [
  "team_member",
  "manager",
  "current_level",
  "desired_level",
  "previous_management_experience",
  "company_start_date",
  "interim_start_date",
  "success_criteria",
] as const;

const BASE: Record<(typeof FIELDS)[number], string> = {
  team_member: "alice",
  manager: "bob",
  current_level: "Senior",
  desired_level: "Manager",
  previous_management_experience: "no",
  company_start_date: "2025-03-01",
  interim_start_date: "2026-01-05",
  success_criteria: "hire",
};

const word = fc.stringMatching(/^[a-z][a-z0-9]{2,12}$/);

/** YAML text for a value that is wrong for any field of the interim block. */
const wrongValue = fc.oneof(
  word.map((w) => `ghost${w}`), // no such user, level or criterion
  fc.integer({ min: -5, max: 99999 }).map(String),
  fc.constantFrom(
    "2025-02-30",
    "2025-13-01",
    "2025-00-10",
    "2026-02-29",
    "31.12.2025",
    "tomorrow",
    "2025-1-5",
  ),
  fc.constantFrom("[]", "{}", "[a, b]", "{x: 1}", "~", "true", "null", "-1.5e10"),
  fc.integer({ min: 2_000, max: 15_000 }).map((n) => `"${"x".repeat(n)}"`), // huge
  fc.integer({ min: 20, max: 2_000 }).map((n) => `${"[".repeat(n)}1${"]".repeat(n)}`), // deep
  fc.integer({ min: 20, max: 400 }).map((n) => `${"{a: ".repeat(n)}1${"}".repeat(n)}`),
  fc.constantFrom('"/close"', '"@all"', '"<!-- career-bot:section:end -->"', "|\n  /close\n  /assign @eve"),
);

/** Valid for some fields only: the mapping from field to wrong value is checked below. */
function isActuallyValid(field: (typeof FIELDS)[number], value: string): boolean {
  if (field === "previous_management_experience") return /^(\d+|true)$/.test(value) && !value.startsWith("-");
  return false;
}

function block(lines: string): string {
  return `Interim appointment.\n\n\`\`\`yaml career\n${lines}\n\`\`\`\n\n/label ~"career::interim-manager"\n`;
}

/** Opens an interim issue with this description, handles the event, and reports what the bot did. */
async function openAndHandle(description: string) {
  memory.state = freshState();
  const opened = memory.state.as("alice").openIssue({ title: "Interim manager: alice", description });
  const run = await handleText(JSON.stringify(opened.payload));
  const issue = memory.state.findIssue(memory.state.requireProject(PROJECT).id, opened.issue.iid)!;
  const bot = memory.state.requireUser(BOT);
  const notes = memory.state.notesOf(issue.id).filter((n) => n.authorId === bot.id && !n.system);
  return { run, issue, notes };
}

function expectAnswered(result: Awaited<ReturnType<typeof openAndHandle>>, field: RegExp): void {
  expect(result.run.code, result.run.stderr + result.run.stdout).toBe(0);
  expect(result.issue.labels).toContain("career-status::needs-info");
  const asks = result.notes.filter((n) => n.body.includes("needs a fix"));
  expect(asks).toHaveLength(1);
  expect(asks[0]!.body).toMatch(field);
  // Bounded, whatever the person wrote.
  expect(asks[0]!.body.length).toBeLessThan(5_000);
  expect(result.issue.state).toBe("opened");
}

describe("bad data blocks: never a crash, always one clear comment", () => {
  it("names the field for a wrong, unknown, impossible, huge or deeply nested value", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), wrongValue, async (field, value) => {
        fc.pre(!isActuallyValid(field, value));
        const lines = FIELDS.map((f) => `${f}: ${f === field ? value : BASE[f]}`).join("\n");
        const result = await openAndHandle(block(lines));
        expectAnswered(result, new RegExp(`${field}|\\(details at the top\\)`));
      }),
      { numRuns: 60, seed: 4242 },
    );
  });

  it("reads any text in the block, anchors and aliases in bulk included, as a problem with the block", async () => {
    const aliasBomb = fc.integer({ min: 3, max: 9 }).map((levels) => {
      const lines = [`l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
      for (let i = 1; i < levels; i += 1)
        lines.push(`l${i}: &l${i} [${`*l${i - 1},`.repeat(9).slice(0, -1)}]`);
      return `${lines.join("\n")}\nteam_member: *l${levels - 1}`;
    });
    const junk = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.constantFrom(
        "a: [1, 2",
        "a: {b: 1",
        "- just\n- a list",
        "? complex key\n: value",
        "a: 1\na: 2",
        "\t\ttabs: x",
      ),
      fc.constantFrom(
        "a: !!js/function 'x'",
        "a: !!binary ZZZ",
        "%YAML 9.9\n---\na: 1",
        "a: *nothing",
        "&x a: 1",
      ),
      aliasBomb,
      fc.integer({ min: 20_001, max: 60_000 }).map((n) => `team_member: ${"y".repeat(n)}`),
    );
    await fc.assert(
      fc.asyncProperty(junk, async (text) => {
        const result = await openAndHandle(block(text));
        expectAnswered(result, /\(data block\)|team_member|unknown field|manager/);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it("says so when the block is missing, whatever the rest of the description holds", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 500 }), async (text) => {
        fc.pre(!text.includes("```") && !text.includes("~~~"));
        const result = await openAndHandle(`${text}\n/label ~"career::interim-manager"\n`);
        expectAnswered(result, /\(details at the top\)/);
      }),
      { numRuns: 25, seed: 99 },
    );
  });

  it("parses any block text to ok, missing or invalid, without throwing", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 2_000 }),
        fc.string({ unit: "grapheme", maxLength: 200 }),
        (a, b) => {
          const kind = readDataBlock(`${a}\n\`\`\`yaml career\n${b}\n${a}\n\`\`\`\n`).kind;
          expect(["ok", "missing", "invalid"]).toContain(kind);
        },
      ),
      { numRuns: 500, seed: 1 },
    );
  });

  it.each(workflows.map((w) => [w.id, w] as const))(
    "%s: wrong types in every field are named",
    async (_, definition) => {
      const template = templateOf(definition);
      const fields = [...template.matchAll(/^([a-z_]+):/gm)]
        .map((m) => m[1]!)
        .filter((f) => f !== "department");
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...fields),
          fc.constantFrom("{x: 1}", "[[[[1]]]]", "2025-02-30x"),
          async (field, value) => {
            const description = template
              .replace(new RegExp(`^${field}:.*(\\n  - .*)*$`, "m"), `${field}: ${value}`)
              .replace(/\/label ~"[^"]+"/, `/label ~"${definition.label}"`);
            memory.state = freshState();
            const opened = memory.state
              .as("alice")
              .openIssue({ title: `${definition.title}: alice`, description });
            const run = await handleText(JSON.stringify(opened.payload));
            expect(run.code).toBe(0);
            const issue = memory.state.findIssue(memory.state.requireProject(PROJECT).id, opened.issue.iid)!;
            expect(issue.labels).toContain("career-status::needs-info");
            const bot = memory.state.requireUser(BOT);
            const notes = memory.state.notesOf(issue.id).filter((n) => n.authorId === bot.id && !n.system);
            const asks = notes.filter((n) => n.body.includes("needs a fix"));
            expect(asks).toHaveLength(1);
            expect(asks[0]!.body).toContain(field);
          },
        ),
        { numRuns: 8, seed: 3 },
      );
    },
  );
});
