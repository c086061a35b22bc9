import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApiAnswer, FakeGitLabApi, type FaultRequest, json, tokenOf } from "./http-api.js";
import type { FakeGitLabState } from "./state.js";

export type { FaultRequest } from "./http-api.js";

/**
 * How to answer one request instead of serving it. 429 and 5xx are answered before the request touches
 * the state; `afterWrite: true` (5xx) and `"reset-after-write"` apply the request first and then fail,
 * which is how a client learns nothing of a write that did happen. `"timeout"` never answers;
 * `"reset"` drops the connection.
 */
export type Fault =
  | null
  | { status: 429; retryAfter?: number }
  | { status: 500 | 502 | 503 | 504; afterWrite?: boolean }
  /** An error answer with GitLab's JSON `{"message": ...}` body, e.g. to check nothing echoes it unredacted. */
  | { status: 400 | 401 | 403 | 404 | 422 | 500 | 503; message: string }
  | "timeout"
  | "reset"
  | "reset-after-write";

export type FaultHook = (request: FaultRequest, seq: number) => Fault;

export interface FakeServerOptions {
  /** Token -> username. Requests with another token get 401. */
  tokens: Record<string, string>;
  fault?: FaultHook;
  /** Delay before each request is served, in ms (real time). */
  latencyMs?: number | ((request: FaultRequest, seq: number) => number);
}

export interface RunningServer {
  /** Base URL to give gitbeaker as `host`, e.g. `http://127.0.0.1:40123`. */
  url: string;
  close(): Promise<void>;
}

/**
 * GitLab's REST API for the port's endpoints, over a `FakeGitLabState`, on 127.0.0.1. Requests are
 * counted in `state.requestCounts` by `METHOD /route`; `seq` numbers them from 1 for fault hooks.
 */
export class FakeGitLabServer {
  fault: FaultHook | undefined;
  latencyMs: FakeServerOptions["latencyMs"];
  /** Requests received so far; the next one gets `seq + 1`. */
  seq = 0;
  /** Every fault injected, for assertions. */
  readonly faults: Array<{ seq: number; method: string; route: string; fault: Exclude<Fault, null> }> = [];
  private readonly api: FakeGitLabApi;

  constructor(
    readonly state: FakeGitLabState,
    options: FakeServerOptions,
  ) {
    this.api = new FakeGitLabApi(state, options.tokens);
    this.fault = options.fault;
    this.latencyMs = options.latencyMs;
  }

  /** Listens on 127.0.0.1; port 0 (the default) picks a free one. */
  async start(port = 0): Promise<RunningServer> {
    const server = createServer((req, res) => {
      this.serve(req, res).catch((error: unknown) =>
        send(res, json(500, { message: `fake server bug: ${String(error)}` })),
      );
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    const address = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${address.port}`, close: () => closeServer(server) };
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const seq = ++this.seq;
    const received = this.api.receive({
      method: req.method ?? "GET",
      url: new URL(req.url ?? "/", "http://127.0.0.1"),
      origin: `http://${req.headers.host ?? "127.0.0.1"}`,
      token: tokenOf(req.headers),
      contentType: req.headers["content-type"],
      rawBody: await readBody(req),
    });
    if (received.request === undefined) return send(res, received.answer);
    const { request } = received;
    const latency =
      typeof this.latencyMs === "function" ? this.latencyMs(request, seq) : (this.latencyMs ?? 0);
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));

    const fault = this.fault?.(request, seq) ?? null;
    if (fault !== null) this.faults.push({ seq, method: request.method, route: request.route, fault });
    if (fault !== null && !isAfterWrite(fault)) return failBeforeApplying(req, res, fault);

    const answer = received.apply();
    if (fault === "reset-after-write") return void req.socket.destroy();
    if (fault !== null && typeof fault === "object") return sendStatusFault(res, fault);
    return send(res, answer);
  }
}

function isAfterWrite(fault: Exclude<Fault, null>): boolean {
  if (fault === "reset-after-write") return true;
  return typeof fault === "object" && "afterWrite" in fault && fault.afterWrite === true;
}

function failBeforeApplying(req: IncomingMessage, res: ServerResponse, fault: Exclude<Fault, null>): void {
  if (fault === "timeout") return; // never answer; the client's timeout or close() ends it
  if (fault === "reset" || fault === "reset-after-write") {
    req.socket.destroy();
  } else if (fault.status !== 429) {
    sendStatusFault(res, fault);
  } else if (fault.retryAfter === undefined) {
    // Application limits (notes, issues) answer with JSON and no Retry-After.
    send(
      res,
      json(429, { message: { error: "This endpoint has been requested too many times. Try again later." } }),
    );
  } else {
    // Rack::Attack throttles answer in plain text with Retry-After in seconds.
    res.writeHead(429, { "content-type": "text/plain", "retry-after": String(fault.retryAfter) });
    res.end("Retry later\n");
  }
}

function sendStatusFault(res: ServerResponse, fault: { status: number; message?: string }): void {
  const { status } = fault;
  if (fault.message !== undefined) {
    send(res, json(status, { message: fault.message }));
    return;
  }
  if (status === 500) {
    send(res, json(500, { message: "500 Internal Server Error" }));
    return;
  }
  res.writeHead(status, { "content-type": "text/html" });
  res.end(`<html><body><h1>${status}</h1>GitLab is not responding</body></html>`);
}

function send(res: ServerResponse, answer: ApiAnswer): void {
  if (res.headersSent) return;
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function closeServer(server: Server): Promise<void> {
  // Hung ("timeout") requests and keep-alive sockets would otherwise hold close() forever.
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
