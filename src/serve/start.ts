import { terminalSafe } from "../commands/terminal-text.js";
import type { Config } from "../config/schema.js";
import { Renderer } from "../engine/render.js";
import type { StateSigner } from "../engine/state-signature.js";
import type { GitLabPort } from "../gitlab/port.js";
import type { RunSummary } from "../run/summary.js";
import { issueKey } from "./delivery.js";
import { IssueQueue } from "./issue-queue.js";
import type { ServeLog } from "./log.js";
import { createEventProcessor } from "./processor.js";
import { startWebhookServer } from "./server.js";

export interface ServeOptions {
  /** The GitLab port the events are handled through (the real adapter, or a fake in tests). */
  gitlab: GitLabPort;
  config: Config;
  clock: () => Date;
  /** Compared with `X-Gitlab-Token`. */
  secret: string;
  /** The configured project: events from others are ignored. */
  project: string;
  host: string;
  port: number;
  dryRun?: boolean;
  maxBodyBytes?: number;
  /** Issues handled at the same time (events of one issue always wait for each other). */
  concurrency?: number;
  secrets?: string[];
  /** One line per handled event (log.ts), and the server's own lines. */
  log: ServeLog;
  /** Told about each handled event; tests wait on it. */
  onHandled?: (summary: RunSummary | undefined) => void;
  renderer?: Renderer;
  /** Signs and checks the state markers (engine/state-signature.ts), as `handle` does. */
  stateSigner?: StateSigner;
}

export interface RunningServe {
  url: string;
  port: number;
  /** Events accepted and not yet handled. */
  inHand(): number;
  /** Stops accepting, answers the requests in progress, finishes every accepted event. Idempotent. */
  stop(): Promise<void>;
}

/** The webhook receiver and its work queue, on `host:port` (0 picks a free port). */
export async function startServe(options: ServeOptions): Promise<RunningServe> {
  const bot = await options.gitlab.currentUser();
  const handleEvent = createEventProcessor({
    port: options.gitlab,
    config: options.config,
    renderer: options.renderer ?? new Renderer(),
    bot,
    clock: options.clock,
    dryRun: options.dryRun ?? false,
    project: options.project,
    secrets: [options.secret, ...(options.secrets ?? [])],
    log: options.log,
    ...(options.stateSigner ? { stateSigner: options.stateSigner } : {}),
  });
  const queue = new IssueQueue(options.concurrency ?? 4);
  const server = await startWebhookServer({
    secret: options.secret,
    host: options.host,
    port: options.port,
    maxBodyBytes: options.maxBodyBytes,
    log: (line) => options.log.info(line),
    accept: ({ body, event }) => {
      const key = issueKey(body);
      queue.push(key, async () => {
        const summary = await handleEvent(body, terminalSafe(event ?? "event", 60), key);
        options.onHandled?.(summary);
      });
    },
  });
  let stopping: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    inHand: () => queue.size,
    // Once: a second SIGINT while draining waits for the same shutdown.
    stop: () => {
      stopping ??= server.close().then(() => queue.drain());
      return stopping;
    },
  };
}
