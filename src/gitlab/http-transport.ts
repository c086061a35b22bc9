import type { Agent as HttpAgent, IncomingMessage } from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import { RedirectLeftOriginError } from "./redirect-origin.js";

/*
 * The requester's default transport: a fetch-shaped function over node:http and node:https. Node's
 * global `fetch` (and its `Headers`, `Response` and `FormData`) load the bundled undici on first use,
 * about 20 to 35 ms of every short CLI run (docs/maintaining.md "Performance"); this never loads it. It covers what
 * the requester sends: a string body or none, an AbortSignal (the per-try timeout), redirects followed
 * as fetch follows them within the first URL's origin (one that leaves it is refused, so the token
 * never goes to another host: redirect-origin.ts), gzip and deflate answers. Anything else (a FormData body) goes to `fetch`.
 *
 * Failures have fetch's shape, so errors.ts reads them alike: an aborted request rejects with the
 * signal's reason (a TimeoutError for `AbortSignal.timeout`), a network failure with a
 * `TypeError("fetch failed")` whose `cause` is the system error carrying `code` (ECONNREFUSED, ...).
 */

export interface TransportInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | FormData | null;
  signal?: AbortSignal | null;
}

/** The part of a fetch `Response` the requester reads; the body is read whole before it resolves. */
export interface TransportResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: Headers;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

export type Transport = (url: URL, init: TransportInit) => Promise<TransportResponse>;

const MAX_REDIRECTS = 20;
/* Sent unless the request sets them, as fetch does (it also asks for compressed answers). */
const DEFAULT_HEADERS: Record<string, string> = {
  accept: "*/*",
  "accept-encoding": "gzip, deflate",
  "user-agent": "node",
};

/* Loaded on the first request: a V8 startup snapshot cannot be built with node:http loaded. */
let httpAgent: HttpAgent | undefined;
let httpsAgent: HttpsAgent | undefined;

/** A fetch-compatible request over node:http(s) with keep-alive agents (see the file comment). */
export const httpFetch: Transport = async (url, init) => {
  if (init.body !== undefined && init.body !== null && typeof init.body !== "string") {
    // fetch would follow a redirect to another host with PRIVATE-TOKEN: see each one here instead.
    const answer = await fetch(url, { ...init, redirect: "manual" });
    const location = answer.headers.get("location");
    if (answer.status >= 300 && answer.status < 400 && location !== null) {
      const next = new URL(location, url);
      if (next.origin !== url.origin) throw new RedirectLeftOriginError(url, next, answer.status);
    }
    return answer;
  }
  const first = new URL(url);
  let target = first;
  let method = (init.method ?? "GET").toUpperCase();
  let body = init.body as string | undefined | null;
  let headers = lowerCased(init.headers ?? {});
  for (let redirects = 0; ; redirects += 1) {
    const answer = await send(target, method, headers, body ?? undefined, init.signal ?? undefined);
    const location = answer.headers.get("location");
    if (![301, 302, 303, 307, 308].includes(answer.status) || location === null) return answer;
    if (redirects === MAX_REDIRECTS) throw fetchFailed(new Error("redirect count exceeded"));
    const next = new URL(location, target);
    if (next.protocol !== "http:" && next.protocol !== "https:") {
      throw fetchFailed(new Error("URL scheme must be a HTTP(S) scheme"));
    }
    // fetch turns a POST answered 301 or 302, and anything but GET and HEAD answered 303, into a GET.
    if (
      (answer.status === 303 && method !== "GET" && method !== "HEAD") ||
      (answer.status <= 302 && method === "POST")
    ) {
      method = "GET";
      body = undefined;
      headers = withoutBodyHeaders(headers);
    }
    // Checked before anything is sent to `next`: no header (the token least of all) leaves the origin.
    if (next.origin !== first.origin) throw new RedirectLeftOriginError(target, next, answer.status);
    target = next;
  }
};

function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal | undefined,
): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const https = url.protocol === "https:";
    if (!https && url.protocol !== "http:") {
      reject(fetchFailed(new Error(`unsupported protocol ${url.protocol}`)));
      return;
    }
    const sent: Record<string, string> = { ...DEFAULT_HEADERS, ...headers };
    if (body !== undefined) {
      sent["content-length"] = String(Buffer.byteLength(body));
      sent["content-type"] ??= "text/plain;charset=UTF-8";
    } else if (method === "POST" || method === "PUT" || method === "PATCH") {
      sent["content-length"] = "0";
    }
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      action();
    };
    const onAbort = () => {
      settle(() => reject(signal!.reason));
      request.destroy();
    };
    const options = { method, headers: sent, agent: https ? getHttpsAgent() : getHttpAgent() };
    const request = process.getBuiltinModule(https ? "node:https" : "node:http").request(url, options);
    request.on("error", (error) => settle(() => reject(fetchFailed(error))));
    request.on("response", (response) => {
      readAll(response, (error, bytes) => {
        if (error) settle(() => reject(fetchFailed(error)));
        else settle(() => resolve(toResponse(response, bytes!)));
      });
    });
    signal?.addEventListener("abort", onAbort, { once: true });
    request.end(body);
  });
}

function readAll(response: IncomingMessage, done: (error: Error | null, bytes?: Buffer) => void): void {
  const encoding = (response.headers["content-encoding"] ?? "").trim().toLowerCase();
  const chunks: Buffer[] = [];
  response.on("data", (chunk: Buffer) => chunks.push(chunk));
  response.on("error", (error) => done(error));
  response.on("aborted", () => done(Object.assign(new Error("aborted"), { code: "ECONNRESET" })));
  response.on("end", () => {
    const raw = Buffer.concat(chunks);
    if (raw.length === 0 || (encoding !== "gzip" && encoding !== "x-gzip" && encoding !== "deflate")) {
      done(null, raw);
      return;
    }
    const zlib = process.getBuiltinModule("node:zlib");
    try {
      if (encoding === "deflate") {
        // Servers send either zlib-wrapped or raw deflate under this name; fetch accepts both.
        done(null, raw[0]! % 16 === 8 ? zlib.inflateSync(raw) : zlib.inflateRawSync(raw));
      } else {
        done(null, zlib.gunzipSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
      }
    } catch (error) {
      done(error as Error);
    }
  });
}

function toResponse(response: IncomingMessage, bytes: Buffer): TransportResponse {
  return responseOf(response.statusCode ?? 0, response.rawHeaders, bytes.toString("utf8"));
}

/** An answer as fetch gives it, from its status, its header lines (name, value, ...) and its text. */
export function responseOf(status: number, rawHeaders: string[], body: string): TransportResponse {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  return {
    status,
    ok: status >= 200 && status <= 299,
    headers: new ResponseHeaders(rawHeaders) as unknown as Headers,
    text: async () => text,
    json: async () => JSON.parse(text),
  };
}

/*
 * A read-only `Headers` as fetch builds it from an answer: names lower-cased, repeated fields joined
 * with ", ", iteration sorted by name (set-cookie lines kept apart). The global `Headers` would load
 * undici.
 */
class ResponseHeaders {
  private readonly fields = new Map<string, string>();
  private readonly cookies: string[] = [];

  constructor(raw: string[]) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i]!.toLowerCase();
      const value = raw[i + 1]!.trim();
      if (name === "set-cookie") this.cookies.push(value);
      const previous = this.fields.get(name);
      this.fields.set(name, previous === undefined ? value : `${previous}, ${value}`);
    }
  }

  get(name: string): string | null {
    return this.fields.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.fields.has(name.toLowerCase());
  }

  getSetCookie(): string[] {
    return [...this.cookies];
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of [...this.fields.keys()].sort()) {
      if (name === "set-cookie") for (const cookie of this.cookies) yield [name, cookie];
      else yield [name, this.fields.get(name)!];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: string, name: string, headers: ResponseHeaders) => void): void {
    for (const [name, value] of this.entries()) callback(value, name, this);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function withoutBodyHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith("content-")));
}

/* fetch's shape for a failure without an answer: errors.ts reads `code` from the cause. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError("fetch failed", { cause });
}

function getHttpAgent(): HttpAgent {
  httpAgent ??= new (process.getBuiltinModule("node:http").Agent)({ keepAlive: true });
  return httpAgent;
}

function getHttpsAgent(): HttpsAgent {
  httpsAgent ??= new (process.getBuiltinModule("node:https").Agent)({ keepAlive: true });
  return httpsAgent;
}
