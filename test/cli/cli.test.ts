import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { configJsonSchema } from "../../src/config/json-schema.js";

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = "";
  let stderr = "";
  const log = vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => {
    stdout += `${parts.join(" ")}\n`;
  });
  const error = vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => {
    stderr += `${parts.join(" ")}\n`;
  });
  try {
    const code = await main(args, env, {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
    });
    return { code, stdout, stderr };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe("career-bot CLI", () => {
  it("documents every command and global option in --help", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    for (const word of [
      "handle",
      "sweep",
      "serve",
      "setup",
      "validate",
      "demo",
      "--gitlab-url",
      "--token",
      "--project",
      "--config",
      "--dry-run",
      "--now",
      "--json",
      "Exit codes",
    ]) {
      expect(stdout).toContain(word);
    }
    const handle = await run(["handle", "--help"]);
    expect(handle.stdout).toContain("--payload");
  });

  it("exits 2 on bad usage and on a missing token, without printing secrets", async () => {
    expect((await run(["frobnicate"])).code).toBe(2);
    const missing = await run(["sweep"], { GITLAB_URL: "http://127.0.0.1:9" });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--token");
    const badNow = await run(["sweep", "--now", "yesterday"], {
      GITLAB_URL: "http://127.0.0.1:9",
      CAREER_BOT_TOKEN: "glpat-abcdef",
      CAREER_BOT_PROJECT: "1",
    });
    expect(badNow.code).toBe(2);
    expect(badNow.stderr + badNow.stdout).not.toContain("glpat-abcdef");
  });

  it("validate reports every config problem with its path and exits 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "career-bot-validate-"));
    const path = join(dir, "career-bot.yml");
    writeFileSync(
      path,
      "people_ops: [carol, 'not a user!']\ntimezone: Mars/Olympus\ninterim: { max_months: -1, typo: 3 }\n",
    );
    const { code, stderr } = await run(["validate", "--config", path]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([
      "career-bot: 4 problem(s):",
      `  - ${path}:1: people_ops.1: must be a GitLab username`,
      `  - ${path}:2: timezone: must be an IANA time zone such as UTC or Europe/Berlin`,
      `  - ${path}:3: interim.max_months: must be more than 0`,
      expect.stringMatching(
        new RegExp(
          `^  - ${path}:3: interim\\.typo: interim has no setting "typo" \\(its settings: max_months, `,
        ),
      ),
    ]);
    writeFileSync(path, "people_ops: [carol]\n");
    const ok = await run(["validate", "--config", path]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("ok");
  });

  it("validates the repository's own config", async () => {
    expect((await run(["validate", "--config", ".gitlab/career-bot.yml"])).code).toBe(0);
  });

  it("keeps the committed JSON Schema in step with the config schema", () => {
    const committed = JSON.parse(readFileSync("career-bot.schema.json", "utf8"));
    expect(committed).toEqual(configJsonSchema());
  });

  it("exits 2 with a clear message for a malformed event", async () => {
    const dir = mkdtempSync(join(tmpdir(), "career-bot-event-"));
    const file = join(dir, "event.json");
    writeFileSync(file, '{"object_kind": "issue", "user": ');
    const env = { GITLAB_URL: "http://127.0.0.1:9", CAREER_BOT_TOKEN: "t0ken-x", CAREER_BOT_PROJECT: "1" };
    const { code, stderr } = await run(["handle", "--payload", file], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/invalid event|JSON/i);
  });
});

describe("career-bot ladder", () => {
  it("prints the next roles and the basis of each move", async () => {
    const { code, stdout } = await run(["ladder", "Senior Frontend Engineer"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Staff Frontend Engineer: merit and company need/);
    const intern = await run(["ladder", "Intermediate Backend Engineer"]);
    expect(intern.stdout).toMatch(/Senior Backend Engineer: merit\n/);
  });

  it("lists Product Designer -> Product Design Manager: roles other than Engineer need not pass through Senior", async () => {
    const { code, stdout } = await run(["ladder", "Product Designer"]);
    expect(code).toBe(0);
    expect(stdout).toContain("-> Senior Product Designer: merit\n");
    expect(stdout).toContain(
      "-> Product Design Manager: merit and company need (a position of need is required)",
    );
  });

  it("exits 2 for an unknown role with suggestions", async () => {
    const { code, stderr } = await run(["ladder", "Senior Wizard"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Did you mean");
  });
});

describe("--payload -", () => {
  it("reads as stdin, not as a stray argument", async () => {
    const { parseWithYargs } = await import("../../src/commands/yargs-parse.js");
    const chosen = await parseWithYargs(["handle", "--payload=-"]);
    expect(chosen?.options.payload).toBe("-");
  });
});

describe("--config", () => {
  it("named on the command line must exist; the default may be missing", async () => {
    const missing = await run(["validate", "--config", "/nonexistent/career-bot.yml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("/nonexistent/career-bot.yml");
  });
});

describe("the roster", () => {
  it("names each manager once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "career-bot-roster-"));
    const path = join(dir, "career-bot.yml");
    writeFileSync(
      path,
      "people_ops: [carol]\nconversations:\n  roster:\n    - { manager: bob, reports: [alice] }\n    - { manager: Bob, reports: [dave] }\n",
    );
    const { code, stderr } = await run(["validate", "--config", path]);
    expect(code).toBe(2);
    expect(stderr).toContain("conversations.roster.1.manager");
  });
});

describe("settings", () => {
  it("take the instance URL even when the API root is pasted", async () => {
    const { settingsFrom } = await import("../../src/commands/settings.js");
    const settings = settingsFrom(
      { config: "x", dryRun: false, json: false },
      { GITLAB_URL: "https://gitlab.example.com/api/v4/", CAREER_BOT_TOKEN: "t", CAREER_BOT_PROJECT: "1" },
      true,
    );
    expect(settings.url).toBe("https://gitlab.example.com");
  });
});

describe("role names as people write them", () => {
  it("reads Sr. as Senior", async () => {
    const { code, stdout } = await run(["ladder", "Sr. Backend Engineer"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Senior Backend Engineer (Development):");
  });
});

describe("validate checks the issue templates", () => {
  it("passes the repository's own", async () => {
    const { checkIssueTemplates } = await import("../../src/commands/validate-issue-templates.js");
    expect(await checkIssueTemplates()).toEqual({ problems: [], checked: 8 });
  });

  it("names a wrong label, a missing /confidential and a broken field", async () => {
    const { checkIssueTemplates } = await import("../../src/commands/validate-issue-templates.js");
    const dir = mkdtempSync(join(tmpdir(), "career-bot-templates-"));
    const good = readFileSync(".gitlab/issue_templates/On loan.md", "utf8");
    writeFileSync(join(dir, "Loan typo.md"), good.replace('~"career::on-loan"', '~"career::onloan"'));
    writeFileSync(join(dir, "Loan open.md"), good.replace("/confidential\n", ""));
    writeFileSync(join(dir, "Loan field.md"), good.replace("host_manager:", "host_manger:"));
    writeFileSync(join(dir, "Notes.md"), "No career block here.\n");
    const { problems, checked } = await checkIssueTemplates(dir);
    expect(checked).toBe(3);
    expect(problems.join("\n")).toMatch(/Loan typo\.md: needs a line \/label/);
    expect(problems.join("\n")).toMatch(/Loan open\.md: needs a line \/confidential/);
    expect(problems.join("\n")).toMatch(/Loan field\.md: .*host_manger/);
  });

  it("prints usernames as typed, without the zero-width space that stops a mention in GitLab", async () => {
    const { checkIssueTemplates } = await import("../../src/commands/validate-issue-templates.js");
    const dir = mkdtempSync(join(tmpdir(), "career-bot-templates-"));
    const good = readFileSync(".gitlab/issue_templates/Interim manager.md", "utf8");
    writeFileSync(join(dir, "Interim manager.md"), good.replace(/^manager: bob /m, 'manager: "@b ob" '));
    const { problems } = await checkIssueTemplates(dir);
    expect(problems).toEqual([
      `${join(dir, "Interim manager.md")}: manager (is @b ob): must be a GitLab username such as alice or @alice`,
    ]);
    expect(problems.join("")).not.toMatch(/\u200b/);
  });
});

describe("ladder without quotes", () => {
  it("joins the words of the role", async () => {
    const { code, stdout } = await run(["ladder", "Senior", "Frontend", "Engineer"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Senior Frontend Engineer (Development):");
  });
});
