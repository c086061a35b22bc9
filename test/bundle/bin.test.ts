import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;

// `npm ci` builds dist/ through the prepare script; build it here too, so the test sees this code.
beforeAll(async () => {
  await run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: ROOT,
  });
}, 180_000);

describe("npx career-bot (bin/career-bot.js over the compiled dist/)", () => {
  it("runs the demo from a checkout, the README's first command", async () => {
    const { stdout } = await run(process.execPath, [join(ROOT, "bin/career-bot.js"), "demo"], {
      cwd: mkdtempSync(join(tmpdir(), "career-bot-bin-")),
      env: { PATH: process.env.PATH },
      timeout: 60_000,
    });
    expect(stdout).toContain("== Mon 2026-01-05 ==");
    expect(stdout).toMatch(/#1 closed after \d+ days: stage done, career-outcome::promoted/);
  });
});
