import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { secretMatches } from "./auth.js";
import { BodyTooLargeError, readBody } from "./body.js";
import { deliveryKey } from "./delivery.js";
import { RecentKeys } from "./recent-keys.js";

/** One accepted delivery: valid JSON, right secret, not seen before. */
export interface Delivery {
  body: string;
  /** `X-Gitlab-Event`, e.g. `Note Hook`. */
  event?: string;
}

export interface WebhookServerOptions {
  secret: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Larger bodies get 413. A career event is a few kilobytes; GitLab allows 25 MB. */
  maxBodyBytes?: number;
  /** How many delivery keys to remember for dropping redeliveries. */
  dedupeCapacity?: number;
  /** Called right after the 202 is sent; must not throw (the work is queued, not done here). */
  accept(delivery: Delivery): void;
  log(line: string): void;
}

export interface RunningWebhookServer {
  url: string;
  port: number;
  /** Stops accepting connections and resolves once the requests in progress are answered. */
  close(): Promise<void>;
}

const WEBHOOK_PATHS = new Set(["/", "/webhook"]);
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * GitLab's side of `serve`: POST / and /webhook with `X-Gitlab-Token`, GET /healthz. Answers 202 as
 * soon as the JSON is known to be valid (GitLab waits at most 10 s) and never 5xx for an event it
 * understood: GitLab disables a hook after four failures in a row.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<RunningWebhookServer> {
  const recent = new RecentKeys(options.dedupeCapacity ?? 10_000);
  let closing = false;
  const server = createServer((req, res) => {
    if (closing) res.setHeader("connection", "close");
    route(req, res, options, recent).catch((error: unknown) => {
      options.log(`serve: cannot answer ${req.method} ${req.url}: ${(error as Error).message}`);
      if (!res.headersSent) send(res, 500, { error: "internal error" });
    });
  });
  // GitLab's hook timeout is 10 s; a client slower than this is not GitLab.
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () => {
      closing = true;
      return closeGracefully(server);
    },
  };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  options: WebhookServerOptions,
  recent: RecentKeys,
): Promise<void> {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (path === "/healthz") {
    if (req.method === "GET" || req.method === "HEAD") return send(res, 200, { status: "ok" });
    return notAllowed(req, res, "GET, HEAD");
  }
  if (!WEBHOOK_PATHS.has(path)) return discard(req, res, 404, { error: "not found" });
  if (req.method !== "POST") return notAllowed(req, res, "POST");
  if (!secretMatches(req.headers["x-gitlab-token"], options.secret)) {
    return discard(req, res, 401, { error: "missing or wrong X-Gitlab-Token" });
  }
  let body: string;
  try {
    body = await readBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return send(res, 413, { error: error.message });
    throw error;
  }
  if (!isJsonObject(body)) return send(res, 400, { error: "the body is not a JSON object" });
  const key = deliveryKey(req.headers, body);
  if (key && recent.has(key)) return send(res, 200, { status: "duplicate" });
  if (key) recent.add(key);
  send(res, 202, { status: "accepted" });
  const event = req.headers["x-gitlab-event"];
  options.accept({ body, event: typeof event === "string" ? event : undefined });
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value);
  } catch {
    return false;
  }
}

function notAllowed(req: IncomingMessage, res: ServerResponse, allow: string): void {
  res.setHeader("allow", allow);
  discard(req, res, 405, { error: `method not allowed; use ${allow}` });
}

/** Answers without reading the body (it is thrown away unread). */
function discard(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  req.resume();
  send(res, status, body);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(res.req.method === "HEAD" ? undefined : text);
}

function closeGracefully(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
    // Requests in progress get their answer; a client that holds a connection open after that
    // (keep-alive) is cut off so shutdown does not hang on it.
    const timer = setTimeout(() => server.closeAllConnections(), 5_000);
    timer.unref();
  });
}
