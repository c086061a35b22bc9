import {
  createRateLimiters,
  type DefaultRequestOptions,
  defaultOptionsHandler,
  getMatchingRateLimiter,
  type RateLimiters,
  type RequesterType,
  type RequestOptions,
  type ResourceOptions,
  type ResponseBodyTypes,
} from "@gitbeaker/requester-utils";
import { errorFromResponse, errorFromThrown, type RequestContext } from "./errors.js";
import { httpFetch, type Transport, type TransportResponse } from "./http-transport.js";
import { DEFAULT_RETRY_OPTIONS, type RetryOptions, withRetry } from "./retry.js";

/*
 * Why a requester of our own: @gitbeaker/rest 43.8's `defaultRequestHandler` retries 429 and 502 ten
 * times within about 0.25 s, ignores Retry-After, retries POSTs (a 502 after a saved note means a
 * duplicate note) and finally throws GitbeakerRetryError with no status or headers. Wrapping the
 * `Gitlab` client from outside cannot undo that. gitbeaker takes a `requesterFn` option for exactly
 * this (the preset is only a default), so we pass one built the way `createRequesterFn` from
 * @gitbeaker/requester-utils builds gitbeaker's own: its `defaultOptionsHandler` keeps gitbeaker's
 * request encoding (`qs` bracket queries, sudo, the PRIVATE-TOKEN header), `createRateLimiters` its
 * per-process rate limiters, and our handler sends one fetch per try, so `withRetry` sees every raw
 * status and Retry-After header and decides by HTTP method.
 *
 * Only the body is encoded here (`requestOptions`), as gitbeaker encodes it: a FormData passes as it
 * is, anything else becomes decamelized JSON. gitbeaker tells the two apart with `body instanceof
 * FormData` on every write, and on Node 20 reading the global `FormData` loads the bundled undici,
 * about 20 to 35 ms of a short CLI run (docs/maintaining.md "Performance"). Every body the resources build from
 * our calls is a plain object, which is never a FormData, so the global is read only for other bodies.
 */

export interface RequesterOptions {
  retry?: Partial<RetryOptions>;
  /**
   * Per try. gitbeaker's own `queryTimeout` is switched off: it would span every retry and page.
   * `0` sets none: the snapshot's warm-up, whose requests never leave the process, cannot leave
   * `AbortSignal.timeout`'s timers and finalization records in the heap it saves.
   */
  requestTimeoutMs?: number;
  /**
   * Injected in tests and in the snapshot's warm-up (fake/in-process-transport.ts); otherwise
   * `httpFetch` (node:http, so the CLI never loads undici). The global `fetch` fits too.
   */
  fetch?: Transport;
  /** Wall-clock ms, only to read a Retry-After given as a date or a RateLimit-Reset time. */
  wallClockMs?: () => number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** What ends one try: the caller's signal, the per-try timeout, both or neither. */
function trySignal(caller: AbortSignal | undefined, timeoutMs: number): AbortSignal | undefined {
  if (timeoutMs === 0) return caller;
  const timeout = AbortSignal.timeout(timeoutMs);
  return caller ? AbortSignal.any([caller, timeout]) : timeout;
}

/** A gitbeaker `requesterFn` that sends one request per try and retries through `withRetry`. */
export function createRetryingRequesterFn(
  options: RequesterOptions = {},
): (resource: ResourceOptions) => RequesterType {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const retry = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
  const fetchFn = options.fetch ?? httpFetch;
  const wallClockMs = options.wallClockMs ?? (() => Date.now());

  const send = (endpoint: string, request: SentRequest) => {
    const method = request.method ?? "GET";
    const url = new URL(endpoint, withSlash(request.prefixUrl ?? ""));
    if (request.searchParams) url.search = request.searchParams;
    const headers = request.headers ?? {};
    const context: RequestContext = { method, endpoint, secrets: secretsOf(headers) };
    const limit = getMatchingRateLimiter(endpoint, request.rateLimiters as RateLimiters | undefined, method);

    return withRetry(
      method,
      async () => {
        await limit();
        const signal = trySignal(request.signal, timeoutMs);
        try {
          const response = await fetchFn(url, { method, headers, body: request.body, signal });
          if (!response.ok) {
            const message = await gitlabMessage(response);
            throw errorFromResponse(context, response.status, response.headers, message, wallClockMs());
          }
          const body = response.status === 204 ? null : await readBody(response);
          return { body, headers: Object.fromEntries(response.headers.entries()), status: response.status };
        } catch (error) {
          throw errorFromThrown(context, error, timeoutMs);
        }
      },
      retry,
    );
  };

  return (resource) => {
    const rateLimiters = createRateLimiters(resource.rateLimits, resource.rateLimitDuration);
    const requester = {} as Record<(typeof METHODS)[number], RequesterType["get"]>;
    for (const name of METHODS) {
      requester[name] = (async (endpoint: string, options?: DefaultRequestOptions) => {
        const request = await requestOptions(resource, { ...options, method: name.toUpperCase() });
        return send(endpoint, { ...(request as SentRequest), rateLimiters });
      }) as RequesterType["get"];
    }
    return requester;
  };
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/**
 * What gitbeaker's `defaultOptionsHandler` makes of a call's options (exported for the test that
 * compares the two), without reading the global `FormData` for a plain-object body.
 */
export async function requestOptions(
  resource: ResourceOptions,
  { body, ...options }: DefaultRequestOptions,
): Promise<RequestOptions> {
  const request = await defaultOptionsHandler(resource, options);
  if (!body) return request;
  if (!isPlainObject(body) && body instanceof FormData) {
    return { ...request, body };
  }
  const headers = { ...request.headers, "content-type": "application/json" };
  return { ...request, headers, body: JSON.stringify(decamelizeKeys(body)) };
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/*
 * xcase 2.0's `decamelizeKeys`, which gitbeaker encodes JSON bodies with (xcase is gitbeaker's
 * dependency, not ours): keys starting with a lower-case ASCII letter get `_` plus the lower-cased
 * letter for every upper-case ASCII letter, through nested objects and arrays; a Date, a function and
 * an object with a `prototype` property are kept as they are.
 */
function decamelizeKeys(value: unknown): unknown {
  if (!value || typeof value !== "object" || value instanceof Date) return value;
  const source = value as Record<string, unknown>;
  if (!Array.isArray(source) && typeof source.prototype !== "undefined") return source;
  const out: Record<string, unknown> = Array.isArray(source)
    ? ([] as unknown as Record<string, unknown>)
    : {};
  for (const key in source) out[decamelize(key)] = decamelizeKeys(source[key]);
  return out;
}

function decamelize(key: string): string {
  if (!/^[a-z]/.test(key)) return key;
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/* What gitbeaker's options handler hands the request handler. */
interface SentRequest {
  method?: string;
  prefixUrl?: string;
  searchParams?: string;
  headers?: Record<string, string>;
  body?: string | FormData;
  signal?: AbortSignal;
  rateLimiters?: unknown;
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

const SECRET_HEADERS = new Set(["private-token", "authorization", "job-token"]);

/* The credentials sent, to scrub from every message (with and without the `Bearer ` prefix). */
function secretsOf(headers: Record<string, string>): string[] {
  return Object.entries(headers)
    .filter(([name]) => SECRET_HEADERS.has(name.toLowerCase()))
    .flatMap(([, value]) => [value, value.replace(/^Bearer\s+/i, "")]);
}

async function readBody(response: TransportResponse): Promise<ResponseBodyTypes> {
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  if (type === "application/json") return ((await response.json()) as ResponseBodyTypes) ?? {};
  return response.text();
}

/* GitLab's `{"message": ...}` or `{"error": ...}`, or the start of a text body. */
async function gitlabMessage(response: TransportResponse): Promise<string> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as { message?: unknown; error?: unknown };
    const value = parsed.error ?? parsed.message ?? "";
    return typeof value === "string" ? value : JSON.stringify(value);
  } catch {
    return text
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  }
}
