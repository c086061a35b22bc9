import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * vitest globalSetup: the whole run's temporary files go under one `career-bot-suite-*` folder,
 * which is removed at the end. Each test file gets its own folder inside it (temp-file.ts) and
 * removes it when done; a folder still there at the end means a file did not clean up, and the run
 * fails naming it. (Before this, a day of runs left thousands of `career-bot-*` folders in /tmp.)
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "career-bot-suite-"));
  process.env.CAREER_BOT_TEST_TMP_ROOT = root;
  return () => {
    const left = readdirSync(root);
    rmSync(root, { recursive: true, force: true });
    if (left.length > 0) {
      // vitest reports an error thrown here but still exits 0: the exit code makes it fail the run.
      process.exitCode = 1;
      throw new Error(`test files left temporary folders behind (now removed): ${left.join(", ")}`);
    }
  };
}
