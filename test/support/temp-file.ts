import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/*
 * vitest setupFile: this test file's temporary folder. `os.tmpdir()` reads TMPDIR at each call, so
 * every mkdtemp of the file (World, the in-memory CLI, the bundle tests) and every process it starts
 * lands here, and one removal after the file's last test takes it all away.
 */
const root = process.env.CAREER_BOT_TEST_TMP_ROOT ?? tmpdir();
const dir = mkdtempSync(join(root, "career-bot-file-"));
const previous = process.env.TMPDIR;
process.env.TMPDIR = dir;

afterAll(() => {
  if (previous === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previous;
  rmSync(dir, { recursive: true, force: true });
});
