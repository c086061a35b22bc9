import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COMMANDS,
  type CommandDefinition,
  GLOBAL_OPTIONS,
  optionKey,
} from "../../src/commands/definitions.js";
import type { ChosenCommand } from "../../src/commands/options.js";
import { quickParse } from "../../src/commands/quick-parse.js";
import { parseWithYargs } from "../../src/commands/yargs-parse.js";

// The bot jobs' command lines skip yargs (start-up time, docs/maintaining.md "Performance"); whatever the quick
// reader accepts must mean exactly what yargs makes of it, and the rest must be left to yargs. Both
// are built from definitions.ts; this compares them on every option the definitions give.

const KEYS = [...GLOBAL_OPTIONS, ...(COMMANDS as readonly CommandDefinition[]).flatMap((c) => c.options)].map(
  (option) => optionKey(option.flag),
);

async function yargsReading(args: string[]): Promise<ChosenCommand | "usage error" | undefined> {
  try {
    return await parseWithYargs(args);
  } catch {
    return "usage error";
  }
}

function used(chosen: ChosenCommand | "usage error" | undefined) {
  if (chosen === undefined || typeof chosen === "string") return chosen;
  const options = chosen.options as unknown as Record<string, unknown>;
  const picked = Object.fromEntries(
    KEYS.filter((key) => options[key] !== undefined).map((key) => [key, options[key]]),
  );
  return { name: chosen.name, options: picked };
}

async function sameAsYargs(args: string[]): Promise<void> {
  const quick = quickParse(args);
  if (quick === undefined) return;
  expect(used(quick), args.join(" ")).toEqual(used(await yargsReading(args)));
}

describe("the quick reading of handle and sweep command lines", () => {
  it("covers exactly the commands definitions.ts marks quick", () => {
    const quick = (COMMANDS as readonly CommandDefinition[]).filter((c) => c.quick).map((c) => c.name);
    expect(quick).toEqual(["handle", "sweep"]);
    for (const name of COMMANDS.map((c) => c.name))
      expect(quickParse([name]) !== undefined, name).toBe(quick.includes(name));
  });

  it("reads what the bot jobs and the bench run, as yargs does", async () => {
    const lines = [
      ["handle"],
      ["sweep"],
      ["handle", "--payload", "event.json", "--now", "2026-01-05T09:00:00Z", "--json"],
      ["handle", "--config", "career-bot.yml", "--now", "2026-06-15T06:00:00Z", "--payload", "/tmp/e.json"],
      ["sweep", "--group", "org/sub", "--dry-run", "--gitlab-url=https://gitlab.example.com"],
      ["sweep", "--token", "glpat-x", "--project", "42", "--json", "--dry-run"],
      ["handle", "--now=2026-01-05", "--payload=a=b.json", "--config", "x y.yml"],
    ];
    for (const args of lines) {
      expect(quickParse(args), args.join(" ")).toBeDefined();
      await sameAsYargs(args);
    }
  });

  it("leaves everything else to yargs", () => {
    const others = [
      [],
      ["--help"],
      ["handle", "--help"],
      ["validate"],
      ["serve", "--port", "0"],
      ["handle", "extra"],
      ["handle", "--payload", "-"],
      ["handle", "--payload"],
      ["handle", "--payload", ""],
      ["handle", "--payload", "'quoted'"],
      ["handle", "--payload", "a", "--payload", "b"],
      ["handle", "--group", "g"],
      ["sweep", "--payload", "p"],
      ["handle", "--dryRun"],
      ["handle", "--no-json"],
      ["handle", "--json", "false"],
      ["handle", "--json=true"],
      ["handle", "-h"],
      ["handle", "--", "x"],
      ["--config", "c.yml", "handle"],
    ];
    for (const args of others) expect(quickParse(args), args.join(" ")).toBeUndefined();
  });

  it("agrees with yargs on generated command lines", async () => {
    const flag = fc.constantFrom(
      "--payload",
      "--group",
      "--config",
      "--now",
      "--token",
      "--project",
      "--gitlab-url",
      "--json",
      "--dry-run",
      "--dryRun",
      "--no-json",
      "--",
      "-h",
    );
    const value = fc.oneof(
      fc.constantFrom(
        "e.json",
        "2026-01-05T09:00:00Z",
        "42",
        "-1",
        "-",
        "true",
        "false",
        "",
        "'q'",
        '"q"',
        "a=b",
      ),
      fc.string({ maxLength: 6 }),
    );
    const part = fc.oneof(
      fc.tuple(flag, value).map(([f, v]) => [f, v]),
      flag.map((f) => [f]),
      fc.tuple(flag, value).map(([f, v]) => [`${f}=${v}`]),
      value.map((v) => [v]),
    );
    const lines = fc.tuple(fc.constantFrom("handle", "sweep"), fc.array(part, { maxLength: 5 }));
    let quick = 0;
    await fc.assert(
      fc.asyncProperty(lines, async ([name, parts]) => {
        const args = [name, ...parts.flat()];
        if (quickParse(args) !== undefined) quick += 1;
        await sameAsYargs(args);
      }),
      { numRuns: 400 },
    );
    expect(quick).toBeGreaterThan(40); // the property held on lines the quick reader took
  });
});
