import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli.js";
import { FakeGitLabState } from "../../src/gitlab/fake/index.js";
import { workflows } from "../../src/workflows/index.js";
import { BOT, BOT_TOKEN, PROJECT, workflowSuiteConfig } from "./world.js";

/**
 * The whole CLI (`main`: yargs, config, exit codes) over the in-memory fake, for suites that run the
 * bot hundreds of times and where HTTP is not the point. A test file that uses it mocks
 * `src/commands/connect.js` with `memoryConnect()` (see test/property/*.test.ts).
 */
export const memory: { state: FakeGitLabState } = { state: freshState() };

export function freshState(): FakeGitLabState {
  const state = new FakeGitLabState({
    now: "2026-01-05T09:00:00Z",
    users: [BOT, "alice", "bob", "carol", "dave", "eve", "pat"],
    projects: [PROJECT, "other/project"],
  });
  for (const workflow of workflows) state.addLabel(PROJECT, workflow.label);
  return state;
}

const dir = mkdtempSync(join(tmpdir(), "career-bot-cli-"));
const config = join(dir, "career-bot.yml");
writeFileSync(config, workflowSuiteConfig("people_ops: [carol]\n"));
let files = 0;

export interface MemoryCli {
  code: number;
  stdout: string;
  stderr: string;
}

/** `career-bot handle --payload FILE` on the in-memory GitLab of `memory.state`. */
export async function handleText(text: string, extra: string[] = []): Promise<MemoryCli> {
  const file = join(dir, `event-${++files}.json`);
  writeFileSync(file, text);
  return cli(["handle", "--payload", file, ...extra]);
}

export async function cli(args: string[]): Promise<MemoryCli> {
  let stdout = "";
  let stderr = "";
  const code = await main(
    [...args, "--config", config, "--now", memory.state.now],
    { GITLAB_URL: "http://gitlab.invalid", CAREER_BOT_TOKEN: BOT_TOKEN, CAREER_BOT_PROJECT: PROJECT },
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

/** Requests that changed something, so far. */
export function writesSoFar(state: FakeGitLabState): number {
  let n = 0;
  for (const [key, count] of state.requestCounts) if (!key.startsWith("GET ")) n += count;
  return n;
}
