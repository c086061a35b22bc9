import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildContext } from "../../src/commands/context.js";
import { buildDashboard } from "../../src/dashboard/build.js";
import { DASHBOARD_LABEL } from "../../src/dashboard/input.js";
import { type DashboardScope, readDashboardInput } from "../../src/dashboard/read.js";
import { stateSigner } from "../../src/engine/state-signature.js";
import { FakeGitLab, FakeGitLabState, type WebhookPayload } from "../../src/gitlab/fake/index.js";
import type { GitLabPort } from "../../src/gitlab/port.js";
import { handle } from "../../src/run/handle.js";
import type { RunSummary } from "../../src/run/summary.js";
import { summaryLines } from "../../src/run/summary.js";
import { sweep } from "../../src/run/sweep.js";
import { workflows } from "../../src/workflows/index.js";
import { BOT, interimDescription, PROJECT } from "./world.js";

/** A config with the dashboard on (the workflow suites switch it off, see workflowSuiteConfig). */
export const DASHBOARD_ON = "people_ops: [carol]\ndashboard:\n  enabled: true\n";

/**
 * The dashboard's suites: the in-memory GitLab, and `sweep` / `handle` run in-process through the
 * context the CLI builds, so every request they make is counted in `state.requestCounts`.
 */
/** The key the dashboard suites' runs sign state markers with. */
export const STATE_KEY = "dashboard-world-state-key";

export class DashboardWorld {
  readonly state: FakeGitLabState;
  private readonly dir = mkdtempSync(join(tmpdir(), "career-bot-dashboard-"));
  private configPath = "";
  lines: string[] = [];
  /** Every port call of the runs, `method query` (listings) or `method` (the rest). */
  readonly calls: string[] = [];

  constructor(options: { config?: string; projects?: string[] } = {}) {
    this.state = new FakeGitLabState({
      now: "2026-03-02T09:00:00Z",
      users: [BOT, "alice", "bob", "carol", "dave", "eve", "pat"],
      projects: options.projects ?? [PROJECT],
    });
    for (const project of options.projects ?? [PROJECT]) {
      for (const workflow of workflows) this.state.addLabel(project, workflow.label);
    }
    this.configure(options.config ?? DASHBOARD_ON);
  }

  configure(config: string): void {
    this.configPath = join(this.dir, `career-bot-${Math.random().toString(36).slice(2)}.yml`);
    writeFileSync(this.configPath, config);
  }

  async sweep(options: { group?: string; project?: string; dryRun?: boolean } = {}): Promise<RunSummary> {
    const scope = options.group ? { group: options.group } : { project: options.project ?? PROJECT };
    return this.run((ctx) => sweep(ctx, { ...scope, secrets: [] }), options.dryRun);
  }

  async handle(payload: WebhookPayload | null): Promise<RunSummary> {
    if (!payload) throw new Error("GitLab would send no webhook for that");
    return this.run((ctx) => handle(ctx, JSON.stringify(payload), { project: PROJECT, secrets: [] }));
  }

  private async run(
    command: (ctx: Awaited<ReturnType<typeof buildContext>>) => Promise<RunSummary>,
    dryRun = false,
  ) {
    const ctx = await this.context(dryRun);
    const summary = await command(ctx);
    this.lines = summaryLines(summary);
    return summary;
  }

  /** The context a run gets, over a port that logs its calls in `calls`. */
  async context(dryRun = false) {
    const fake: GitLabPort = new FakeGitLab(this.state, { username: BOT });
    const calls = this.calls;
    const port = new Proxy(fake, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          calls.push(
            String(name).startsWith("list") ? `${String(name)} ${JSON.stringify(args.at(-1))}` : String(name),
          );
          return value.apply(target, args);
        };
      },
    });
    const ctx = await buildContext(
      { config: this.configPath, dryRun, json: false, now: this.state.now },
      port,
      {
        info: () => {},
      },
    );
    // Signed state markers, as every command that talks to GitLab has (engine/state-signature.ts).
    ctx.stateSigner = stateSigner(STATE_KEY);
    return ctx;
  }

  /** What the dashboard of `scope` should say now: the content built from a fresh read. */
  async expectedMarkdown(scope: DashboardScope): Promise<string> {
    const ctx = await this.context();
    return buildDashboard(await readDashboardInput(ctx, scope)).markdown;
  }

  /** Issues carrying the dashboard label in a project, any state. */
  dashboards(project: string = PROJECT) {
    const id = this.state.requireProject(project).id;
    return this.state.issues.filter(
      (issue) => issue.projectId === id && issue.labels.includes(DASHBOARD_LABEL),
    );
  }

  /** The one open dashboard of a project (fails the test when there is not exactly one). */
  dashboard(project: string = PROJECT) {
    const open = this.dashboards(project).filter((issue) => issue.state === "opened");
    if (open.length !== 1) throw new Error(`expected one open dashboard in ${project}, found ${open.length}`);
    return open[0]!;
  }

  writes(): number {
    let n = 0;
    for (const [key, count] of this.state.requestCounts) if (!key.startsWith("GET ")) n += count;
    return n;
  }

  gets(): number {
    return this.state.requestCount("GET ");
  }

  /** Opens an interim manager workflow issue as alice, the way a person files it. */
  openInterim(project: string = PROJECT, title = "Interim manager: alice") {
    return this.state.as("alice").openIssue({
      project,
      title,
      description: interimDescription({ team_member: "alice", manager: "bob" }),
      labels: ["career::interim-manager"],
      confidential: true,
    });
  }
}
