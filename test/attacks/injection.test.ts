import { describe, expect, it, vi } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { readDataBlock } from "../../src/engine/data-block.js";
import { validateData } from "../../src/engine/problems.js";
import { FakeGitLab } from "../../src/gitlab/fake/index.js";
import { workflows } from "../../src/workflows/index.js";
import type { WorkflowDefinition } from "../../src/workflows/types.js";
import { cli, freshState, handleText, memory } from "../support/cli-memory.js";
import { autoWalk, type BotRunner, Persistent, templateOf } from "../support/scenario.js";
import { BOT, interimDescription, PROJECT } from "../support/world.js";
import { expectSafeBotText, INJECTION, INJECTION_YAML } from "./safe-text.js";

vi.mock("../../src/commands/connect.js", () => ({
  connect: () => new FakeGitLab(memory.state, { username: BOT }),
}));

/*
 * Quick actions, @all and forged markers through every way a person's text reaches the bot: each field
 * of each workflow's data block, command arguments and the issue title. The bot's notes, its section,
 * the issues it opens: none may run or start a quick action, mention anyone but the data block's people,
 * or carry an HTML comment but the bot's own marker.
 */

const PEOPLE = ["alice", "bob", "dave", "pat", "carol"];

const runner: BotRunner = {
  get state() {
    return memory.state;
  },
  handle: async (payload) => outcome(await handleText(JSON.stringify(payload))),
  sweep: async () => outcome(await cli(["sweep"])),
};

function outcome(run: { code: number; stdout: string; stderr: string }) {
  return { code: run.code, output: run.stdout + run.stderr };
}

/** The template with `field` set to `yaml` (a list field becomes a one-line flow list). */
function withField(template: string, field: string, yaml: string): string {
  return template.replace(new RegExp(`^#?\\s*${field}:.*(\\n\\s+- .*)*$`, "m"), (line) =>
    /\n\s+- /.test(line) ? `${field}: [${yaml}]` : `${field}: ${yaml}`,
  );
}

function fieldsOf(template: string): string[] {
  const block = readDataBlock(template);
  return block.kind === "ok" ? Object.keys(block.data) : [];
}

/** Distinct per field: two fields that must differ (current and target role) still do. */
function injectionFor(field: string): string {
  return JSON.stringify(`${INJECTION} ${field}`);
}

/** Fields whose value may be any text: the block stays valid with the injection in them. */
function freeTextFields(definition: WorkflowDefinition): string[] {
  const template = templateOf(definition);
  return fieldsOf(template).filter((field) => {
    const block = readDataBlock(withField(template, field, injectionFor(field)));
    return validateData(definition, block, defaultConfig(), new Map()).ok;
  });
}

describe("quick actions, mass mentions and markers through the data block", () => {
  it.each(workflows.map((w) => [w.id, w] as const))(
    "%s: free-text fields ride through the whole walk harmlessly",
    async (_, definition) => {
      memory.state = freshState();
      const fields = freeTextFields(definition);
      let template = templateOf(definition);
      for (const field of fields) template = withField(template, field, injectionFor(field));
      const iid = await autoWalkWith(definition, template);
      const issue = memory.state.findIssue(memory.state.requireProject(PROJECT).id, iid)!;
      // Walked to the end, and the person's block is as they wrote it.
      const stage = definition.stages.find((st) => issue.labels.includes(`career-stage::${st.id}`));
      expect(stage?.final).toBe(true);
      expect(issue.labels).not.toContain("career-status::needs-info");
      for (const field of fields) expect(issue.description).toContain(injectionFor(field));
      expectSafeBotText(memory.state, PEOPLE);
    },
  );

  it.each(workflows.map((w) => [w.id, w] as const))(
    "%s: the injection in every field at once is quoted back harmlessly in the needs-info comment",
    async (_, definition) => {
      memory.state = freshState();
      let template = templateOf(definition);
      for (const field of fieldsOf(template)) template = withField(template, field, INJECTION_YAML);
      const opened = memory.state.as("alice").openIssue({ title: INJECTION, description: template });
      expect((await handleText(JSON.stringify(opened.payload))).code).toBe(0);
      const issue = memory.state.findIssue(memory.state.requireProject(PROJECT).id, opened.issue.iid)!;
      expect(issue.labels).toContain("career-status::needs-info");
      expect(issue.state).toBe("opened");
      expectSafeBotText(memory.state, []);
    },
  );
});

/** autoWalk on a given description instead of the template as it is. */
async function autoWalkWith(definition: WorkflowDefinition, description: string): Promise<number> {
  const as = memory.state.as.bind(memory.state);
  // The walk opens the issue from the template: hand it this description and the injected title.
  memory.state.as = (username: string) => {
    const actor = as(username);
    const open = actor.openIssue.bind(actor);
    actor.openIssue = (input) => open({ ...input, title: `${INJECTION} ${input.title}`, description });
    return actor;
  };
  try {
    return await autoWalk(new Persistent(runner), definition);
  } finally {
    memory.state.as = as;
  }
}

describe("quick actions and mentions through commands and the title", () => {
  it("answers every hostile command line without running or starting anything", async () => {
    memory.state = freshState();
    const alice = memory.state.as("alice");
    const opened = alice.openIssue({
      title: "/close @all <!-- career-bot:note key=forged -->",
      description: interimDescription({}),
    });
    const iid = opened.issue.iid;
    await handleText(JSON.stringify(opened.payload));
    const lines = [
      "/career hire @all 2026-01-19",
      "/career hire @dave /close",
      "/career /close",
      "/career hire @eve 2026-01-19 @here",
      "/career status <!-- career-bot:section:end --> @all",
      "/career document https://x.example/a?b=/close&c=@all",
      `/career ${"@eve ".repeat(60)}`,
      "/career decision promote /close /label ~evil",
    ];
    for (const line of lines) {
      const note = alice.comment(PROJECT, iid, line);
      if (note.payload) expect((await handleText(JSON.stringify(note.payload))).code).toBe(0);
    }
    const bot = memory.state.requireUser(BOT);
    const replies = memory.state
      .notesOf(memory.state.findIssue(memory.state.requireProject(PROJECT).id, iid)!.id)
      .filter((n) => n.authorId === bot.id && /key=reply:/.test(n.body));
    expect(replies.length).toBeGreaterThanOrEqual(lines.length - 1);
    expect(memory.state.findIssue(memory.state.requireProject(PROJECT).id, iid)!.state).toBe("opened");
    expectSafeBotText(memory.state, PEOPLE);
  });
});

describe("a future template that puts a person's text at the start of a line", () => {
  it("still cannot start a quick action, a mention or a comment", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { Renderer } = await import("../../src/engine/render.js");
    const dir = mkdtempSync(join(tmpdir(), "career-bot-templates-"));
    writeFileSync(join(dir, "bare.hbs"), "{{value}}\n{{#each list}}\n{{this}}\n{{/each}}\n{{{value}}}\n");
    const text = new Renderer(dir).render("bare", { value: INJECTION, list: INJECTION.split("\n") });
    for (const line of text.split("\n")) expect(line).not.toMatch(/^\s*\//);
    expect(text).not.toMatch(/@(all|here|eve)\b/);
    expect(text).not.toContain("<!--");
  });
});

describe("render's own last pass over trusted values", () => {
  it("a trusted value carrying \\n/close or <!-- still starts no quick action and no comment", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { Renderer } = await import("../../src/engine/render.js");
    const dir = mkdtempSync(join(tmpdir(), "career-bot-templates-"));
    writeFileSync(join(dir, "reply.hbs"), "Answer: {{{reply}}}\n");
    const reply = "done.\n/close\n  /label ~x\n<!-- career-bot:note key=forged -->";
    const text = new Renderer(dir).render("reply", {}, { reply });
    expect(text.split("\n")).toHaveLength(4);
    for (const line of text.split("\n")) expect(line).not.toMatch(/^\s*\//);
    expect(text).toContain("close");
    expect(text).not.toContain("<!--");
  });
});
