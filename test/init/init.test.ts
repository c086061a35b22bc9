import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { issueTemplate, issueTemplateNames } from "../../src/assets.js";
import { main } from "../../src/cli.js";
import { checkIssueTemplates } from "../../src/commands/validate-issue-templates.js";
import { configJsonSchema } from "../../src/config/json-schema.js";
import { parseConfigText } from "../../src/config/load.js";
import { defaultConfig } from "../../src/config/schema.js";
import { readDataBlock } from "../../src/engine/data-block.js";
import { withPlaceholders } from "../../src/init/placeholders.js";
import { releaseHome, scaffoldFiles } from "../../src/init/scaffold.js";
import { configSchemaUrl } from "../../src/npm-package.js";

/** The people the shipped templates use as examples (the demo and the tests open them as they are). */
const SAMPLE_PEOPLE = ["alice", "bob", "carol", "dave", "pat"];

async function init(dir: string, env: NodeJS.ProcessEnv = {}) {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
  };
  const code = await main(["init", dir], env, io);
  return { code, stdout, stderr };
}

describe("issue templates with placeholders", () => {
  for (const name of issueTemplateNames()) {
    it(`${name}: names no sample person and leaves every date to fill in`, () => {
      const shipped = issueTemplate(name);
      const text = withPlaceholders(shipped);
      const block = readDataBlock(text);
      expect(block.kind).toBe("ok");
      const data = (block as { data: Record<string, unknown> }).data;
      const fence = /```yaml career\n([\s\S]*?)```/.exec(text)![1]!;
      for (const person of SAMPLE_PEOPLE) expect(fence).not.toMatch(new RegExp(`\\b${person}\\b`));
      for (const [key, value] of Object.entries(data)) {
        if (key.endsWith("_date") || key === "quarter") expect(value, key).toBeNull();
      }
      if ("team_member" in data) expect(data.team_member).toBe("@team-member");
      expect(data.manager).toBe("@manager");
      // Outside the block, and every key and comment, the template is the shipped one.
      const outside = (t: string) => t.replace(/```yaml career\n[\s\S]*?```/, "");
      expect(outside(text)).toBe(outside(shipped));
      const keys = (t: string) => t.split("\n").map((line) => /^([a-z_]+):/.exec(line)?.[1]);
      expect(keys(text)).toEqual(keys(shipped));
    });
  }

  it("keeps the comments in their column where the placeholder leaves room", () => {
    const text = withPlaceholders(
      "```yaml career\nmanager: bob        # decides\nstart_date: 2026-01-01 # day 1\n```\n",
    );
    expect(text).toBe('```yaml career\nmanager: "@manager" # decides\nstart_date:            # day 1\n```\n');
    // No room: one space before the comment.
    expect(withPlaceholders("```yaml career\nmanager: bob # decides\n```\n")).toBe(
      '```yaml career\nmanager: "@manager" # decides\n```\n',
    );
  });

  it("pass the template check, which takes a blank field as one to fill in, and only a blank one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "career-bot-templates-"));
    for (const name of issueTemplateNames())
      writeFileSync(join(dir, `${name}.md`), withPlaceholders(issueTemplate(name)));
    expect(await checkIssueTemplates(dir)).toEqual({ problems: [], checked: issueTemplateNames().length });
    const promotion = withPlaceholders(issueTemplate("Promotion")).replace(
      /^target_role: .*$/m,
      "target_role: Astronaut",
    );
    writeFileSync(join(dir, "Promotion.md"), promotion);
    const acting = withPlaceholders(issueTemplate("Acting manager")).replace(
      /^start_date:/m,
      "start_date: 2026-02-30",
    );
    writeFileSync(join(dir, "Acting manager.md"), acting);
    const { problems } = await checkIssueTemplates(dir);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^.*Acting manager\.md: start_date/);
    expect(problems[1]).toMatch(/^.*Promotion\.md: .*Astronaut/);
  });
});

describe("the scaffolded config", () => {
  const text = scaffoldFiles(releaseHome({})).find((file) => file.path === ".gitlab/career-bot.yml")!.text;

  it("reads as the defaults, so a project changes only what it edits", () => {
    expect(parseConfigText(text, ".gitlab/career-bot.yml")).toEqual(defaultConfig());
  });

  it("has every key of the config, each with a comment", () => {
    const lines = text.split("\n");
    const keys: string[] = [];
    const walk = (schema: Record<string, unknown>, prefix: string) => {
      for (const [key, sub] of Object.entries(
        (schema.properties ?? {}) as Record<string, Record<string, unknown>>,
      )) {
        keys.push(`${prefix}${key}`);
        if (sub.type === "object") walk(sub, `${prefix}${key}.`);
      }
    };
    walk(configJsonSchema(), "");
    expect(keys.length).toBeGreaterThan(25);
    const data = parse(text) as Record<string, Record<string, unknown>>;
    for (const key of keys) {
      const path = key.split(".");
      const leaf = path.at(-1)!;
      expect(path.length === 1 ? data[leaf] : data[path[0]!]?.[leaf], key).not.toBeUndefined();
      // The key's own line has a comment, or the line before it is one.
      const at = lines.findIndex((line) => new RegExp(`^${"  ".repeat(path.length - 1)}${leaf}:`).test(line));
      expect(lines[at]!.includes("#") || lines[at - 1]!.trimStart().startsWith("#"), key).toBe(true);
    }
  });
});

describe("career-bot init [DIR]", () => {
  it("writes the config, one issue template per workflow and the CI include", async () => {
    const dir = mkdtempSync(join(tmpdir(), "career-bot-init-"));
    const result = await init(dir, {
      CAREER_BOT_COMPONENT: "gitlab.example.com/tools/career-bot/career-bot",
      CAREER_BOT_IMAGE: "registry.example.com/tools/career-bot",
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const written = result.stdout.split("\n").filter((line) => line.startsWith("wrote"));
    // The config, the commented ladder file, the issue templates and the CI include.
    expect(written).toHaveLength(issueTemplateNames().length + 3);
    expect(written.some((line) => line.includes(".gitlab/career-ladders.yml"))).toBe(true);
    const ci = parse(readFileSync(join(dir, ".gitlab-ci.yml"), "utf8"));
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(ci.include[0].component).toBe(`gitlab.example.com/tools/career-bot/career-bot@${version}`);
    expect(readFileSync(join(dir, ".gitlab/issue_templates/Promotion.md"), "utf8")).toBe(
      withPlaceholders(issueTemplate("Promotion")),
    );
  });

  it("points the config at this release's published schema and says how to check it at the pinned version", async () => {
    const dir = mkdtempSync(join(tmpdir(), "career-bot-init-"));
    const result = await init(dir);
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    const config = readFileSync(join(dir, ".gitlab/career-bot.yml"), "utf8");
    // Editors (the YAML language server) read the first line; the schema names itself there too.
    expect(config.split("\n")[0]).toBe(`# yaml-language-server: $schema=${configSchemaUrl(version)}`);
    expect(configJsonSchema()).toMatchObject({ $id: configSchemaUrl(version), title: expect.any(String) });
    expect(configSchemaUrl(version)).toBe(
      `https://cdn.jsdelivr.net/npm/@career-bot/cli@${version}/career-bot.schema.json`,
    );
    // A careers project has no package.json: a bare `npx career-bot` would run whatever is newest.
    expect(config).toContain(`npx @career-bot/cli@${version} validate`);
    expect(result.stdout).toContain(`check it with npx @career-bot/cli@${version} validate`);
    expect(`${config}\n${result.stdout}`).not.toMatch(/npx career-bot\b/);
  });

  it("never overwrites a file: it says which it skipped, and shows the include for an existing pipeline", async () => {
    const dir = mkdtempSync(join(tmpdir(), "career-bot-init-"));
    mkdirSync(join(dir, ".gitlab"));
    writeFileSync(join(dir, ".gitlab/career-bot.yml"), "people_ops: [erin]\n");
    writeFileSync(join(dir, ".gitlab-ci.yml"), "test:\n  script: [make]\n");
    const first = await init(dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("skipped .gitlab/career-bot.yml (it exists)");
    expect(first.stdout).toContain("skipped .gitlab-ci.yml (it exists)");
    expect(first.stdout).toMatch(
      /add career-bot's include to it:\n {4}include:\n {6}- component: .*career-bot@/,
    );
    expect(readFileSync(join(dir, ".gitlab/career-bot.yml"), "utf8")).toBe("people_ops: [erin]\n");
    expect(readFileSync(join(dir, ".gitlab-ci.yml"), "utf8")).toBe("test:\n  script: [make]\n");

    writeFileSync(join(dir, ".gitlab/issue_templates/Promotion.md"), "ours\n");
    const again = await init(dir);
    expect(again.stdout).not.toContain("wrote");
    expect(again.stdout).toContain("Nothing to write: every file exists.");
    expect(readFileSync(join(dir, ".gitlab/issue_templates/Promotion.md"), "utf8")).toBe("ours\n");
  });

  it("says so when it has to guess where career-bot's project is", async () => {
    const dir = mkdtempSync(join(tmpdir(), "career-bot-init-"));
    const result = await init(dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("a guess: this career-bot was not built by a release");
    // A second run writes no .gitlab-ci.yml, so it has no guess to warn about.
    expect((await init(dir)).stderr).toBe("");
    expect(releaseHome({}).placeholder).toBe(true);
    expect(releaseHome({ CAREER_BOT_COMPONENT: "a/b/career-bot", CAREER_BOT_IMAGE: "r/a/b" })).toEqual({
      component: "a/b/career-bot",
      image: "r/a/b",
      placeholder: false,
      guessed: [],
    });
  });

  it("with only CAREER_BOT_COMPONENT set, still says the image is a guess", async () => {
    const dir = mkdtempSync(join(tmpdir(), "career-bot-init-"));
    const result = await init(dir, { CAREER_BOT_COMPONENT: "gitlab.example.com/tools/career-bot" });
    expect(result.stderr).toContain("names its image as $CI_REGISTRY/tools/career-bot, a guess");
    expect(result.stderr).not.toContain("career-bot's project as");
    expect(readFileSync(join(dir, ".gitlab-ci.yml"), "utf8")).toContain(
      "gitlab.example.com/tools/career-bot",
    );
  });

  it("takes the environment's component and image over the release's embedded home", () => {
    const holder = globalThis as { __CAREER_BOT_ASSETS__?: unknown };
    holder.__CAREER_BOT_ASSETS__ = { home: { component: "release/career-bot", image: "release/image" } };
    try {
      expect(releaseHome({})).toMatchObject({
        component: "release/career-bot",
        image: "release/image",
        placeholder: false,
      });
      expect(
        releaseHome({ CAREER_BOT_COMPONENT: "mirror/career-bot", CAREER_BOT_IMAGE: "mirror/image" }),
      ).toMatchObject({ component: "mirror/career-bot", image: "mirror/image", placeholder: false });
    } finally {
      delete holder.__CAREER_BOT_ASSETS__;
    }
  });
});
