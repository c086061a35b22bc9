import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { mermaidBlocks, parseMermaid } from "../support/mermaid.js";

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(
    args,
    {},
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
    },
  );
  return { code, stdout, stderr };
}

/** A careers project's `.gitlab/` with a config and, if given, a ladder file; the config's path. */
function project(ladders?: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), "career-bot-ladders-")), ".gitlab");
  mkdirSync(dir);
  writeFileSync(join(dir, "career-bot.yml"), "people_ops: [carol]\n");
  if (ladders !== undefined) writeFileSync(join(dir, "career-ladders.yml"), ladders);
  return join(dir, "career-bot.yml");
}

const PLATFORM = `departments:
  - name: Platform
    roles:
      - name: Platform Engineer
      - name: Senior Platform Engineer
        job_family: https://jobs.example.com/platform#senior
    merit: [Platform Engineer -> Senior Platform Engineer]
`;

describe("career-bot ladder --format mermaid", () => {
  it("prints a picture GitLab can draw, the role marked, in a mermaid fence with its links and legend", async () => {
    const { code, stdout } = await run(["ladder", "Senior Backend Engineer", "--format", "mermaid"]);
    expect(code).toBe(0);
    const blocks = mermaidBlocks(stdout);
    // The name is in two departments (Development, Infrastructure): one picture each.
    expect(blocks).toHaveLength(2);
    for (const block of blocks) await expect(parseMermaid(block)).resolves.toBe("flowchart-v2");
    expect(blocks[0]).toContain('["Senior Backend Engineer (now)"]');
    expect(stdout).toContain("Job families: [");
    expect(stdout).toContain("Dotted arrows: a move based on merit and company need");
  });

  it("draws a department's whole ladder when given its name; text stays the default", async () => {
    const picture = await run(["ladder", "security", "--format", "mermaid"]);
    const [block] = mermaidBlocks(picture.stdout);
    expect(block?.match(/^ {2}r\d+\["/gm)).toHaveLength(6);
    const text = await run(["ladder", "Security"]);
    expect(text.stdout).toContain(
      "Senior Security Engineer (Security):\n  -> Staff Security Engineer: merit and company need",
    );
    expect(mermaidBlocks(text.stdout)).toEqual([]);
  });

  it("reads the team's ladder file beside the config", async () => {
    const config = project(PLATFORM);
    const text = await run(["ladder", "Platform Engineer", "--config", config]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Platform Engineer (Platform):\n  -> Senior Platform Engineer: merit");
    const picture = await run(["ladder", "Platform Engineer", "--format", "mermaid", "--config", config]);
    expect(picture.stdout).toContain('"https://jobs.example.com/platform#senior" _blank');
    const unknown = await run([
      "ladder",
      "Platform Wizard",
      "--config",
      project(`mode: replace\n${PLATFORM}`),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("career-ladders.yml");
  });
});

describe("career-bot validate with a ladder file", () => {
  it("says it checked the file, or that the page's ladders apply", async () => {
    const ok = await run(["validate", "--config", project(PLATFORM)]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/career-ladders\.yml: ok \(7 department\(s\), \d+ role\(s\)\)/);
    const none = await run(["validate", "--config", project()]);
    expect(none.stdout).toContain("career-ladders.yml: not found, using the handbook page's ladders");
  });

  it("fails with each problem and its line", async () => {
    const bad = await run([
      "validate",
      "--config",
      project(`${PLATFORM}    company_need: [Senior Platform Engineer -> Platform Engineer]\n`),
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(
      /career-ladders\.yml:8: departments\.0\.company_need\.0: the moves go round in a circle \(Platform Engineer -> Senior Platform Engineer -> Platform Engineer\)/,
    );
  });
});
