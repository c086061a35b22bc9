import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { conventionalArgs } from "../../src/commands/conventions.js";

async function run(args: string[]) {
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
  // yargs prints help through console.log.
  const log = vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => {
    stdout += `${parts.join(" ")}\n`;
  });
  try {
    const code = await main(args, {}, io);
    return { code, stdout, stderr };
  } finally {
    log.mockRestore();
  }
}

describe("the conventions people type without thinking", () => {
  it("-h and help print the help, help <command> the command's (exit 0)", async () => {
    const full = await run(["--help"]);
    for (const args of [["-h"], ["help"]]) {
      const result = await run(args);
      expect([result.code, result.stderr], args.join(" ")).toEqual([0, ""]);
      expect(result.stdout, args.join(" ")).toBe(full.stdout);
    }
    const ladder = await run(["help", "ladder"]);
    expect(ladder.code).toBe(0);
    expect(ladder.stdout).toContain("career-bot ladder <role..>");
    expect((await run(["validate", "-h"])).stdout).toContain("career-bot validate");
  });

  it("-v prints the version, and --version is in the help", async () => {
    const version = await run(["--version"]);
    expect(await run(["-v"])).toEqual(version);
    expect((await run(["--help"])).stdout).toMatch(/-v, --version\s+print career-bot's version/);
  });

  it("ladder without a role says what to give, not yargs' internals (exit 2)", async () => {
    const result = await run(["ladder"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "career-bot: ladder needs a role: role as in the handbook or .gitlab/career-ladders.yml, e.g. Senior Backend Engineer, or a department (quotes optional) (see career-bot ladder --help)\n",
    );
    expect(result.stderr).not.toContain("non-option arguments");
  });

  it("an unknown option gets the nearest known one, as a mistyped command does (exit 2)", async () => {
    const typo = await run(["sweep", "--dry-rn"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      "career-bot: unknown option --dry-rn: did you mean --dry-run? (see career-bot sweep --help for the options)\n",
    );
    const nothingClose = await run(["validate", "--frobnicate"]);
    expect(nothingClose.stderr).toBe(
      "career-bot: unknown option --frobnicate (see career-bot validate --help for the options)\n",
    );
    // A command's own option is suggested for that command.
    expect((await run(["setup", "--webhok-url", "x"])).stderr).toContain("did you mean --webhook-url?");
  });

  it("leaves help, -h and -v alone where they are a value or after --", () => {
    expect(conventionalArgs(["ladder", "help"])).toEqual(["ladder", "help"]);
    expect(conventionalArgs(["handle", "--", "-h"])).toEqual(["handle", "--", "-h"]);
    expect(conventionalArgs(["sweep", "-v"])).toEqual(["sweep", "-v"]);
  });
});
