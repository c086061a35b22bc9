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
import { DEFAULT_RETRY_POLICY, REAL_TIMERS, Requeue, type RetryPolicy, type Timers } from "./requeue.js";
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
  /** When to run an issue again after GitLab failed it (requeue.ts); the bench shortens the waits. */
  retry?: RetryPolicy;
  /** Injected so tests move time on instead of sleeping through the retry waits. */
  timers?: Timers;
}

export interface RunningServe {
  url: string;
  port: number;
  /** Events accepted and not yet handled. */
  inHand(): number;
  /** Issues waiting to be tried again, and what the retries came to so far. */
  retries(): { waiting: number; retried: number; gaveUp: number; superseded: number };
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
  const requeue = new Requeue({
    policy: options.retry ?? DEFAULT_RETRY_POLICY,
    timers: options.timers ?? REAL_TIMERS,
    log: (line) => options.log.info(line),
  });
  // The retry runs the same delivery again: the event only says which issue to look at, and the
  // issue is read fresh, so an old body is as good as a new one.
  const enqueue = (key: string, body: string, event: string, attempt: number): void => {
    queue.push(key, async () => {
      const label = attempt === 0 ? event : `${event} (retry ${attempt})`;
      const summary = await handleEvent(body, label, key);
      const retryable = summary?.failures.find((failure) => failure.retryable);
      if (retryable) {
        requeue.failed(key, attempt, "GitLab was busy or unreachable", (next) =>
          enqueue(key, body, event, next),
        );
      } else if (summary && summary.issuesSeen > 0 && summary.failures.length === 0) {
        requeue.succeeded(key);
      }
      options.onHandled?.(summary);
    });
  };
  const server = await startWebhookServer({
    secret: options.secret,
    host: options.host,
    port: options.port,
    maxBodyBytes: options.maxBodyBytes,
    log: (line) => options.log.info(line),
    accept: ({ body, event }) => {
      enqueue(issueKey(body), body, terminalSafe(event ?? "event", 60), 0);
    },
  });
  let stopping: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    inHand: () => queue.size,
    retries: () => ({ waiting: requeue.size, ...requeue.counts }),
    // Once: a second SIGINT while draining waits for the same shutdown.
    stop: () => {
      // Retries still waiting are dropped (and logged): a shutdown does not sit out a 2-minute wait,
      // and the next sweep repairs those issues.
      stopping ??= server.close().then(async () => {
        requeue.stop();
        await queue.drain();
      });
      return stopping;
    },
  };
}
