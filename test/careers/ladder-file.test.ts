import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LadderFileError, parseLadderText } from "../../src/careers/ladder-file.js";
import { findRoles, isNextRole, PAGE_LADDERS, promotionBasis } from "../../src/careers/ladders.js";
import { loadConfig } from "../../src/config/load.js";
import { ConfigError } from "../../src/errors.js";

const PATH = ".gitlab/career-ladders.yml";

const PLATFORM = `departments:
  - name: Platform
    roles:
      - name: Platform Engineer
        job_family: /job-families/platform/
      - name: Senior Platform Engineer
      - name: Staff Platform Engineer
      - name: Platform Engineering Manager
    merit:
      - Platform Engineer -> Senior Platform Engineer
    company_need:
      - Senior Platform Engineer -> Staff Platform Engineer
      - Senior Platform Engineer -> Platform Engineering Manager
transfers:
  - Platform Engineer -> Site Reliability Engineer
`;

function problemsOf(text: string): string[] {
  try {
    parseLadderText(text, PATH);
  } catch (error) {
    if (error instanceof LadderFileError) return error.problems;
    throw error;
  }
  throw new Error("no problem reported");
}

describe("a ladder file", () => {
  it("extends the page's ladders by default: its departments join the page's, and its moves count", () => {
    const ladders = parseLadderText(PLATFORM, PATH)!;
    expect(ladders.departments).toEqual([...PAGE_LADDERS.departments, "Platform"]);
    expect(promotionBasis("Platform Engineer", "Senior Platform Engineer", ladders)).toBe("merit");
    expect(promotionBasis("Senior Platform Engineer", "Platform Engineering Manager", ladders)).toBe(
      "merit-and-company-need",
    );
    // The page's ladders still apply beside it.
    expect(isNextRole("Senior Backend Engineer", "Staff Backend Engineer", ladders)).toBe(true);
    expect(ladders.transfers.at(-1)).toEqual({
      from: "Platform Engineer",
      to: "Site Reliability Engineer",
      kind: "table",
    });
    expect(ladders.transfers.length).toBe(PAGE_LADDERS.transfers.length + 1);
  });

  it("replaces a page department of the same name, in its place", () => {
    const ladders = parseLadderText(
      "departments:\n  - name: security\n    roles:\n      - name: AppSec Engineer\n      - name: Senior AppSec Engineer\n    merit: [AppSec Engineer -> Senior AppSec Engineer]\n",
      PATH,
    )!;
    expect(ladders.departments).toEqual([
      "Development",
      "security",
      "Quality",
      "Support",
      "UX",
      "Infrastructure",
    ]);
    expect(findRoles("Senior Security Engineer", undefined, ladders)).toEqual([]);
    expect(isNextRole("AppSec Engineer", "Senior AppSec Engineer", ladders)).toBe(true);
  });

  it("with mode: replace, stands alone", () => {
    const ladders = parseLadderText(`mode: replace\n${PLATFORM}`, PATH)!;
    expect(ladders.departments).toEqual(["Platform"]);
    expect(findRoles("Senior Backend Engineer", undefined, ladders)).toEqual([]);
    expect(ladders.transfers).toEqual([
      { from: "Platform Engineer", to: "Site Reliability Engineer", kind: "table" },
    ]);
  });

  it("of comments only brings no ladders (what init writes): the page's apply", () => {
    expect(parseLadderText("# departments:\n#   - name: Platform\n", PATH)).toBeUndefined();
  });
});

describe("a ladder file's problems, each with its line", () => {
  it("a move naming a role the department does not list", () => {
    const text = PLATFORM.replace(
      "      - Senior Platform Engineer -> Staff Platform Engineer\n",
      "      - Senior Platform Engineer -> Principal Platform Engineer\n",
    );
    expect(problemsOf(text)).toEqual([
      `${PATH}:12: departments.0.company_need.0: "Principal Platform Engineer" is not a role of Platform; list it under roles first (names: Platform Engineer, Senior Platform Engineer, Staff Platform Engineer, Platform Engineering Manager)`,
    ]);
  });

  it("moves that go round in a circle", () => {
    const text = PLATFORM.replace(
      "      - Senior Platform Engineer -> Platform Engineering Manager\n",
      "      - Senior Platform Engineer -> Platform Engineering Manager\n      - Staff Platform Engineer -> Platform Engineer\n",
    );
    expect(problemsOf(text)).toEqual([
      `${PATH}:14: departments.0.company_need.2: the moves go round in a circle (Platform Engineer -> Senior Platform Engineer -> Staff Platform Engineer -> Platform Engineer); a ladder only goes up, so remove one of them`,
    ]);
  });

  it("a role listed twice, a department listed twice, a move listed twice, a transfer listed twice", () => {
    const text = `departments:
  - name: Platform
    roles:
      - name: Platform Engineer
      - name: platform  engineer
      - name: Senior Platform Engineer
    merit:
      - Platform Engineer -> Senior Platform Engineer
    company_need:
      - Platform Engineer -> Senior Platform Engineer
  - name: PLATFORM
    roles:
      - name: Other
transfers:
  - A -> B
  - a -> b
`;
    expect(problemsOf(text)).toEqual([
      `${PATH}:5: departments.0.roles.1.name: platform  engineer is listed twice in Platform`,
      `${PATH}:10: departments.0.company_need.0: the move Platform Engineer -> Senior Platform Engineer is listed twice in Platform`,
      `${PATH}:11: departments.1.name: PLATFORM is listed twice (also departments.0); merge the two into one`,
      `${PATH}:16: transfers.1: the transfer a -> b is listed twice`,
    ]);
  });

  it("a name that could break the picture, a move not written as one, an unknown key, a bad link", () => {
    const text = `departments:
  - name: Platform
    roles:
      - name: 'Evil"] --> x["Owned'
      - name: Platform Engineer
        job_family: javascript:alert(1)
      - name: Senior Platform Engineer
        level: 3
    merit:
      - Platform Engineer to Senior Platform Engineer
`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(
      /^\.gitlab\/career-ladders\.yml:4: departments\.0\.roles\.0\.name: must start with a letter or digit/,
    );
    expect(problems[1]).toMatch(
      /^\.gitlab\/career-ladders\.yml:6: departments\.0\.roles\.1\.job_family: must be an http\(s\) address/,
    );
    expect(problems[2]).toMatch(
      /^\.gitlab\/career-ladders\.yml:7: departments\.0\.roles\.2: Unrecognized key: "level"/,
    );
    expect(problems[3]).toBe(`${PATH}:10: departments.0.merit.0: must be written "From role -> To role"`);
  });

  it("a role moving to itself, and YAML that does not parse", () => {
    expect(
      problemsOf("departments:\n  - name: P\n    roles:\n      - name: A\n    merit: [A -> a]\n"),
    ).toEqual([`${PATH}:5: departments.0.merit.0: A cannot move to itself`]);
    expect(problemsOf("departments:\n  - name: [unclosed\n")[0]).toMatch(
      /^\.gitlab\/career-ladders\.yml:\d+: /,
    );
  });
});

describe("loadConfig reads the ladder file beside the config", () => {
  function dirWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), "career-ladders-"));
    mkdirSync(join(dir, ".gitlab"));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, ".gitlab", name), text);
    return join(dir, ".gitlab", "career-bot.yml");
  }

  it("sets config.ladders, with or without a config file", async () => {
    const withConfig = await loadConfig(
      dirWith({ "career-bot.yml": "people_ops: [carol]\n", "career-ladders.yml": PLATFORM }),
    );
    expect(withConfig.ladders?.source).toMatch(/career-ladders\.yml$/);
    const without = await loadConfig(dirWith({ "career-ladders.yml": PLATFORM }));
    expect(without.ladders?.departments).toContain("Platform");
    expect((await loadConfig(dirWith({}))).ladders).toBeUndefined();
  });

  it("turns the file's problems into a ConfigError listing them", async () => {
    const path = dirWith({
      "career-ladders.yml": "departments:\n  - name: P\n    roles:\n      - name: A\n    merit: [A -> B]\n",
    });
    const error = await loadConfig(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/career-ladders\.yml:5: departments\.0\.merit\.0: "B" is not a role of P/),
    ]);
  });
});
