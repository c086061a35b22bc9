import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildContext } from "../../src/commands/context.js";
import { CareerBotError } from "../../src/errors.js";
import { FakeGitLab, type FakeGitLabState, type WebhookPayload } from "../../src/gitlab/fake/index.js";
import type { GitLabPort } from "../../src/gitlab/port.js";
import { handle } from "../../src/run/handle.js";
import type { RunSummary } from "../../src/run/summary.js";
import { summaryLines } from "../../src/run/summary.js";
import { sweep } from "../../src/run/sweep.js";
import type { BotRunner, RunOutcome } from "./scenario.js";
import { BOT, PROJECT, workflowSuiteConfig } from "./world.js";

/** The port methods that change GitLab. */
export const WRITE_METHODS = new Set([
  "createIssue",
  "updateIssue",
  "createNote",
  "deleteNote",
  "linkIssues",
  "createLabel",
]);

/**
 * The bot's commands (`handle`, `sweep`) run in-process on the in-memory fake, through the same
 * context the CLI builds, minus HTTP: fast enough to run a whole appointment hundreds of times.
 * `wrap` lets a test put something between the engine and GitLab (a crash, a delay).
 */
export class MemoryBot implements BotRunner {
  private readonly config: string;

  constructor(
    readonly state: FakeGitLabState,
    private readonly options: { config?: string; wrap?: (port: GitLabPort) => GitLabPort } = {},
  ) {
    this.config = join(mkdtempSync(join(tmpdir(), "career-bot-mem-")), "career-bot.yml");
    writeFileSync(this.config, workflowSuiteConfig(options.config ?? "people_ops: [carol]\n"));
  }

  handle(payload: WebhookPayload | string): Promise<RunOutcome> {
    const text = typeof payload === "string" ? payload : JSON.stringify(payload);
    return this.run(async (ctx) => handle(ctx, text, { project: PROJECT, secrets: [] }));
  }

  sweep(): Promise<RunOutcome> {
    return this.run((ctx) => sweep(ctx, { project: PROJECT, secrets: [] }));
  }

  private async run(
    command: (ctx: Awaited<ReturnType<typeof buildContext>>) => Promise<RunSummary>,
  ): Promise<RunOutcome> {
    const fake: GitLabPort = new FakeGitLab(this.state, { username: BOT });
    const port = this.options.wrap ? this.options.wrap(fake) : fake;
    try {
      const ctx = await buildContext(
        { config: this.config, dryRun: false, json: false, now: this.state.now },
        port,
        { info: () => {} },
      );
      const summary = await command(ctx);
      return { code: summary.failures.length > 0 ? 1 : 0, output: summaryLines(summary).join("\n") };
    } catch (error) {
      // What runCommand would do: usage and config errors exit 2, anything else 1.
      if (error instanceof CareerBotError) return { code: error.exitCode, output: error.message };
      return { code: 1, output: `career-bot: ${(error as Error).message}` };
    }
  }
}

/** Counts writes and, once, kills the run right after the k-th: nothing after it reaches GitLab. */
export class Crash {
  writes = 0;
  crashAt: number | undefined;
  dead = false;

  wrap = (port: GitLabPort): GitLabPort => {
    // A new run is a new process: it starts alive.
    this.dead = false;
    return new Proxy(port, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== "function") return value;
        return async (...args: unknown[]) => {
          if (this.dead) throw new Error("the run died");
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (WRITE_METHODS.has(String(property))) {
            this.writes += 1;
            if (this.writes === this.crashAt) {
              this.dead = true;
              throw new Error(`the run died right after write ${this.writes}`);
            }
          }
          return result;
        };
      },
    });
  };
}
