import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { seenText } from "../../src/demo/seen-text.js";

describe("career-bot demo", () => {
  it("walks an interim appointment to the promotion, day by day, and writes it as Markdown", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "career-bot-demo-")), "timeline.md");
    let stdout = "";
    let stderr = "";
    const code = await main(
      ["demo", "--out", out],
      {},
      {
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
      },
    );
    expect(stderr).toContain(`wrote the timeline with its diagrams to ${out}`);
    expect(code).toBe(0);
    // Day by day, as a person would see it: who commented what, labels, due dates, the status.
    expect(stdout).toContain("== Mon 2026-01-05 ==");
    expect(stdout).toMatch(/@alice\s+opened #1 "Interim manager: alice" \(confidential\)/);
    expect(stdout).toMatch(/@bob\s+marked the checklist item .+ as completed/);
    // The text as GitLab shows it, not its Markdown source (`**remote\-only**`).
    expect(stdout).toContain(
      "marked the checklist item Is thriving in our remote-only context · who ticks: manager (bob)",
    );
    expect(stdout).not.toMatch(/\\[-()*_.!]|\*\*/);
    expect(stdout).toMatch(/@career-bot commented on #1 \[handle\]:/);
    expect(stdout).toMatch(/@career-bot commented on #1 \[sweep\]:\n\s+\| @bob .*hire review/);
    expect(stdout).toContain("changed due date to");
    expect(stdout).toMatch(/status of #1 \[handle\]: Stage: Setup/);
    expect(stdout).toMatch(/quiet day\(s\): the daily sweep finds nothing due/);
    expect(stdout).toContain('~"career-outcome::promoted"');
    expect(stdout).toMatch(/#1 closed after \d+ days: stage done, career-outcome::promoted/);
    expect(stdout).not.toMatch(/glpat-/);

    const markdown = readFileSync(out, "utf8");
    expect(markdown).toMatch(/^# career-bot demo/);
    expect(markdown).toContain("## Mon 2026-01-05");
    expect(markdown).toContain("```mermaid\ngraph LR");
    expect(markdown).toContain("career-outcome::promoted");
  });

  it("answers --json with the whole timeline", async () => {
    let stdout = "";
    const code = await main(
      ["demo", "--json"],
      {},
      {
        stdout: (text) => {
          stdout += text;
        },
        stderr: () => {},
      },
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ outcome: "promoted", closed: true, stage: "done" });
    expect(result.entries.length).toBeGreaterThan(20);
  });

  it("shows Markdown as people see it: escapes and strong delimiters gone, code spans as written", () => {
    expect(seenText("marked the checklist item **Weekly 1\\-1s \\(host manager\\'s\\)** as completed")).toBe(
      "marked the checklist item Weekly 1-1s (host manager's) as completed",
    );
    expect(seenText("run `a\\-b` then c\\-d")).toBe("run `a\\-b` then c-d");
    expect(seenText("a \\\\ b")).toBe("a \\ b");
  });
});
