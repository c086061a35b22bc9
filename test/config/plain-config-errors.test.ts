import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../src/config/load.js";
import { ConfigError } from "../../src/errors.js";

function problems(text: string): string[] {
  try {
    parseConfigText(text, ".gitlab/career-bot.yml");
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("config errors name the file, the line and the key, in plain words", () => {
  it("says what a value must be and what it is, not zod's 'Invalid input: expected number, received string'", () => {
    expect(problems('people_ops: [carol]\nmax_writes_per_run: "lots"\n')).toEqual([
      '.gitlab/career-bot.yml:2: max_writes_per_run: must be a number, not the text "lots"',
    ]);
    expect(problems("people_ops: carol\n")).toEqual([
      '.gitlab/career-bot.yml:1: people_ops: must be a list (e.g. [alice, bob]), not the text "carol"',
    ]);
    expect(problems("interim:\n  max_months: 0\n")).toEqual([
      ".gitlab/career-bot.yml:2: interim.max_months: must be more than 0",
    ]);
    // A rule's own message, written for people, is kept (with the line).
    expect(problems("people_ops: [carol]\ntrigger_writes_per_minute: -1\n")).toEqual([
      ".gitlab/career-bot.yml:2: trigger_writes_per_minute: must be 0 (never wait) or more writes a minute, e.g. 20",
    ]);
    expect(problems("interim:\n  max_months: 2.5\n")).toEqual([
      ".gitlab/career-bot.yml:2: interim.max_months: must be a whole number, not the number 2.5",
    ]);
  });

  it("suggests the nearest key for one the config does not have, at the top and nested", () => {
    expect(problems("people_ops: [carol]\ntimezon: UTC\n")).toEqual([
      `.gitlab/career-bot.yml:2: timezon: career-bot's configuration has no setting "timezon": did you mean timezone?`,
    ]);
    expect(problems("interim:\n  max_month: 3\n")).toEqual([
      '.gitlab/career-bot.yml:2: interim.max_month: interim has no setting "max_month": did you mean max_months?',
    ]);
    // Nothing close: the settings there are listed instead.
    expect(problems("interim:\n  colour: blue\n")[0]).toMatch(
      /^\.gitlab\/career-bot\.yml:2: interim\.colour: interim has no setting "colour" \(its settings: max_months, tenure_months, /,
    );
  });

  it("names no zod wording in any of them", () => {
    const all = problems(
      'timezon: 1\npeople_ops: 3\ninterim: { max_months: "x", y: 1 }\nmax_writes_per_run: -2\n',
    );
    expect(all).toHaveLength(5);
    for (const line of all) {
      expect(line).toMatch(/^\.gitlab\/career-bot\.yml:\d+: /);
      expect(line).not.toMatch(/Invalid input|Unrecognized key|received|expected/);
    }
  });
});
