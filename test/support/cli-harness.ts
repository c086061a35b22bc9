import { main } from "../../src/cli.js";
import { FakeGitLabServer, FakeGitLabState, type RunningServer } from "../../src/gitlab/fake/index.js";

export const BOT = "career-bot";
export const BOT_TOKEN = "glpat-harness-bot-token-0042";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A simulated GitLab on 127.0.0.1 and the in-process CLI pointed at it with the bot's token. */
export class CliHarness {
  readonly state: FakeGitLabState;
  readonly server: FakeGitLabServer;
  running?: RunningServer;

  constructor(options: { projects?: string[]; now?: string; users?: string[] } = {}) {
    this.state = new FakeGitLabState({
      now: options.now ?? "2026-01-05T09:00:00Z",
      users: [BOT, "alice", "bob", "carol", "dave", "pat", ...(options.users ?? [])],
      projects: options.projects ?? ["org/careers"],
    });
    this.server = new FakeGitLabServer(this.state, { tokens: { [BOT_TOKEN]: BOT } });
  }

  async start(): Promise<this> {
    this.running = await this.server.start();
    return this;
  }

  async stop(): Promise<void> {
    await this.running?.close();
  }

  get url(): string {
    return this.running!.url;
  }

  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return { GITLAB_URL: this.url, CAREER_BOT_TOKEN: BOT_TOKEN, CAREER_BOT_PROJECT: "org/careers", ...extra };
  }

  async cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
    let stdout = "";
    let stderr = "";
    const code = await main(args, this.env(env), {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    });
    return { code, stdout, stderr };
  }

  /** Requests that changed something (anything but GET). */
  writes(): number {
    let count = 0;
    for (const [key, n] of this.state.requestCounts) if (!key.startsWith("GET ")) count += n;
    return count;
  }
}
