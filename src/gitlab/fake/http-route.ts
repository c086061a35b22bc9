import { readableIssue } from "./access.js";
import type { Params } from "./http-params.js";
import { FakeApiError } from "./ops.js";
import type { FakeGitLabState } from "./state.js";
import type { FakeIssue, FakeProject, FakeUser } from "./types.js";

/* What a route of the fake REST API is, and the lookups every route shares. */

export interface RouteContext {
  state: FakeGitLabState;
  /** The token's user: every write is made with their rights. */
  user: FakeUser;
  /** Decoded path parameters in order (`g%2Fp` arrives as `g/p`). */
  params: string[];
  input: Params;
}

/** A single body, or a list the server pages with GitLab's headers. */
export type RouteResult = { status: number; body: unknown } | { status: 200; list: unknown[] };

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** GitLab's route under /api/v4, also the request-counter key. */
  route: string;
  pattern: RegExp;
  handle(context: RouteContext): RouteResult;
  /** Set on a route that needs no access token (it authenticates some other way). */
  open?: (context: Omit<RouteContext, "user">) => RouteResult;
}

export function route(method: Route["method"], path: string, handle: Route["handle"]): Route {
  const pattern = new RegExp(`^${path.replace(/:[a-z_]+/g, "([^/]+)")}$`);
  return { method, route: path, pattern, handle };
}

/** A route GitLab serves without an access token, such as the pipeline trigger. */
export function openRoute(method: Route["method"], path: string, open: NonNullable<Route["open"]>): Route {
  return {
    ...route(method, path, () => {
      throw new Error(`${path} is an open route`);
    }),
    open,
  };
}

export function project(state: FakeGitLabState, params: string[]): FakeProject {
  const found = state.findProject(params[0]!);
  if (!found) throw new FakeApiError(404, "404 Project Not Found");
  return found;
}

/** The issue as `user` may read it: 404 for a confidential one they may not see (access.ts). */
export function issue(state: FakeGitLabState, params: string[], user: FakeUser): FakeIssue {
  return readableIssue(state, user, foundIssue(state, params));
}

/** The issue whatever its visibility, as `PUT` finds it before it authorizes (access.ts). */
export function foundIssue(state: FakeGitLabState, params: string[]): FakeIssue {
  const found = state.findIssue(project(state, params).id, Number(params[1]));
  if (!found) throw new FakeApiError(404, "404 Not found");
  return found;
}
