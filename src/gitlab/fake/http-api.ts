import { visibleProject } from "./access.js";
import { mergeParams, type Params } from "./http-params.js";
import { ROUTES, type Route, type RouteResult } from "./http-routes.js";
import { FakeApiError } from "./ops.js";
import { pageHeaders, pageOf } from "./pagination.js";
import { RateLimitRefused } from "./rate-limits.js";
import type { FakeGitLabState } from "./state.js";

/*
 * GitLab's REST API over a `FakeGitLabState`, as text in and text out, with no socket: the HTTP
 * server (http-server.ts) puts it on 127.0.0.1, and the in-process transport (in-process-transport.ts)
 * hands it the requests of a gitbeaker client directly. Both answer alike because both call this.
 */

/** What a fault hook sees of a request, before anything is applied. */
export interface FaultRequest {
  method: string;
  /** Path under /api/v4 as sent (project paths still encoded). */
  path: string;
  /** GitLab's route, e.g. `POST /projects/:id/issues/:iid/notes` is `/projects/:id/issues/:iid/notes`. */
  route: string;
  query: URLSearchParams;
  body: Params;
}

/** One request as it came: its path and query, the origin it was sent to, the token, the raw body. */
export interface ApiRequest {
  method: string;
  /** Path and query; the origin in it is not read. */
  url: URL;
  /** `http://` and the Host header as sent, for the pagination links. */
  origin: string;
  /** From `PRIVATE-TOKEN` or `Authorization: Bearer`. */
  token: string | undefined;
  contentType: string | undefined;
  rawBody: string;
}

export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  /** JSON text. */
  body: string;
}

/** A request read and counted: either an answer already (a body that is not JSON), or one to apply. */
export type ReceivedRequest =
  | { readonly request: undefined; readonly answer: ApiAnswer }
  | { readonly request: FaultRequest; apply(): ApiAnswer };

export class FakeGitLabApi {
  private readonly tokens: Map<string, string>;

  constructor(
    readonly state: FakeGitLabState,
    tokens: Record<string, string>,
  ) {
    this.tokens = new Map(Object.entries(tokens));
  }

  /** Counts the request in `state.requestCounts` by `METHOD /route` and reads its body. */
  receive(incoming: ApiRequest): ReceivedRequest {
    const { method, url } = incoming;
    const path = url.pathname.replace(/^\/api\/v4/, "");
    const match = matchRoute(method, path);
    const routeName = match?.route.route ?? "(unmatched)";
    this.state.countRequest(method, routeName);

    let body: Params;
    try {
      body = parseBody(incoming.rawBody, incoming.contentType);
    } catch {
      return {
        request: undefined,
        answer: json(400, { error: "400 Bad request - the body is not valid JSON" }),
      };
    }
    const request: FaultRequest = { method, path, route: routeName, query: url.searchParams, body };
    return { request, apply: () => this.answer(incoming, match, request) };
  }

  private answer(incoming: ApiRequest, match: RouteMatch | undefined, request: FaultRequest): ApiAnswer {
    const result = this.route(incoming.token, match, request);
    if (!("list" in result)) return json(result.status, result.body);
    const { url } = incoming;
    const page = pageOf(result.list, url.searchParams);
    return json(200, page.items, pageHeaders(page, `${incoming.origin}${url.pathname}`, url.searchParams));
  }

  private route(
    token: string | undefined,
    match: RouteMatch | undefined,
    request: FaultRequest,
  ): RouteResult {
    const input = () => mergeParams(request.query, request.body);
    const open = match?.route.open;
    if (open) return guardRoute(() => open({ state: this.state, params: match.params, input: input() }));
    const username = token === undefined ? undefined : this.tokens.get(token);
    const user = username ? this.state.findUser(username) : undefined;
    if (!user) return { status: 401, body: { message: "401 Unauthorized" } };
    if (!match) return { status: 404, body: { error: "404 Not Found" } };
    return guardRoute(() => {
      // Every project route first finds the project as the user may see it (access.ts).
      const target =
        match.route.route.startsWith("/projects/:id") && this.state.findProject(match.params[0]!);
      if (target) visibleProject(this.state, user, target);
      return match.route.handle({ state: this.state, user, params: match.params, input: input() });
    });
  }
}

/** A refusal of the fake (a FakeApiError) as GitLab's error body. */
function guardRoute(handle: () => RouteResult): RouteResult {
  try {
    return handle();
  } catch (error) {
    if (!(error instanceof FakeApiError)) throw error;
    if (error instanceof RateLimitRefused) return { status: 429, body: error.body };
    const key = error.status === 400 && error.message.includes(" is ") ? "error" : "message";
    return { status: error.status, body: { [key]: error.message } };
  }
}

/** The token of a request, from its headers as node:http gives them (names lower-cased). */
export function tokenOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const privateToken = headers["private-token"];
  if (privateToken !== undefined) return typeof privateToken === "string" ? privateToken : undefined;
  const authorization = headers.authorization;
  return typeof authorization === "string" ? authorization.replace(/^Bearer /i, "") : undefined;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiAnswer {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

interface RouteMatch {
  route: Route;
  params: string[];
}

function matchRoute(method: string, path: string): RouteMatch | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const found = route.pattern.exec(path);
    if (found) return { route, params: found.slice(1).map((param) => decodeURIComponent(param)) };
  }
  return undefined;
}

function parseBody(raw: string, contentType: string | undefined): Params {
  if (!raw) return {};
  if (contentType?.includes("application/x-www-form-urlencoded"))
    return mergeParams(new URLSearchParams(raw), {});
  const parsed: unknown = JSON.parse(raw);
  return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Params) : {};
}
