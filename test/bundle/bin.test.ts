import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;
const BIN = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> })
  .bin;

// `npm ci` builds dist/ and the bundle through the prepare script; build them here too, so the test
// sees this code.
beforeAll(async () => {
  await run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: ROOT,
  });
  await run(process.execPath, [join(ROOT, "scripts/bundle.mjs"), "--no-snapshot"], { cwd: ROOT });
}, 180_000);

async function demo(launcher: string) {
  const { stdout } = await run(process.execPath, [join(ROOT, launcher), "demo"], {
    cwd: mkdtempSync(join(tmpdir(), "career-bot-bin-")),
    env: { PATH: process.env.PATH },
    timeout: 60_000,
  });
  expect(stdout).toContain("== Mon 2026-01-05 ==");
  expect(stdout).toMatch(/#1 closed after \d+ days: stage done, career-outcome::promoted/);
}

describe("npx career-bot in a checkout", () => {
  it("runs the demo from the bundle that prepare builds, the README's first command", async () => {
    expect(BIN["career-bot"]).toBe("dist/career-bot.mjs");
    await demo(BIN["career-bot"]!);
  });

  it("runs the demo from the tsc output too (bin/career-bot.js, which bench compares)", async () => {
    await demo("bin/career-bot.js");
  });
});
