import { randomBytes } from "node:crypto";
import { Config } from "../config/schema.js";
import { Renderer } from "../engine/render.js";
import { FakeGitLabServer, FakeGitLabState, type RunningServer } from "../gitlab/fake/index.js";
import { GitbeakerGitLab } from "../gitlab/gitbeaker.js";
import type { GitLabPort, User } from "../gitlab/port.js";
import type { RunContext } from "../run/context.js";
import { handle } from "../run/handle.js";
import type { RunSummary } from "../run/summary.js";
import { sweep } from "../run/sweep.js";

export const DEMO_PROJECT = "acme/careers";
export const DEMO_BOT = "career-bot";

/**
 * The embedded simulated GitLab of the demo on 127.0.0.1 (a free port), and the bot talking to it
 * through its real REST client and the same handle/sweep code a CI job runs. The fake's clock is
 * the demo's clock: fast-forwarding it is how weeks pass in a second.
 */
export class DemoWorld {
  readonly state: FakeGitLabState;
  readonly config = Config.parse({ people_ops: ["carol"] });
  private readonly renderer = new Renderer();

  private constructor(
    state: FakeGitLabState,
    private readonly running: RunningServer,
    readonly port: GitLabPort,
    private readonly bot: User,
    private readonly token: string,
  ) {
    this.state = state;
  }

  static async start(now: string): Promise<DemoWorld> {
    const state = new FakeGitLabState({
      now,
      users: [
        { username: DEMO_BOT, name: "career-bot" },
        { username: "alice", name: "Alice Ng" },
        { username: "bob", name: "Bob Okafor" },
        { username: "carol", name: "Carol Diaz" },
        { username: "dave", name: "Dave Smith" },
        { username: "pat", name: "Pat Lee" },
        { username: "erin", name: "Erin Kowalski" },
        { username: "frank", name: "Frank Moreau" },
      ],
      projects: [DEMO_PROJECT],
    });
    // A throwaway token: the simulated GitLab accepts only it, and it is never printed.
    const token = `glpat-demo-${randomBytes(12).toString("hex")}`;
    const running = await new FakeGitLabServer(state, { tokens: { [token]: DEMO_BOT } }).start();
    const port = new GitbeakerGitLab({ host: running.url, token });
    return new DemoWorld(state, running, port, await port.currentUser(), token);
  }

  get url(): string {
    return this.running.url;
  }

  get secrets(): string[] {
    return [this.token];
  }

  /** What a trigger pipeline runs for one webhook event. */
  handle(payload: unknown): Promise<RunSummary> {
    return handle(this.context(), JSON.stringify(payload), { project: DEMO_PROJECT, secrets: this.secrets });
  }

  /** What the scheduled pipeline runs. */
  sweep(): Promise<RunSummary> {
    return sweep(this.context(), { project: DEMO_PROJECT, secrets: this.secrets });
  }

  close(): Promise<void> {
    return this.running.close();
  }

  private context(): RunContext {
    return {
      port: this.port,
      config: this.config,
      renderer: this.renderer,
      bot: this.bot,
      now: new Date(this.state.now),
      dryRun: false,
      budget: { limit: this.config.max_writes_per_run, used: 0 },
      reporter: { info: () => {} },
      userCache: new Map(),
    };
  }
}
