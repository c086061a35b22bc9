import { GitLabError } from "./port.js";

/**
 * Turning what went wrong on the wire into the port's `GitLabError`, with messages that say how to fix
 * it and never contain a token (they are built from the method, the path and GitLab's own message,
 * and every secret that was sent is scrubbed out anyway).
 */

export interface RequestContext {
  method: string;
  /** gitbeaker's endpoint, e.g. `projects/g%2Fp/issues/3`. */
  endpoint: string;
  /** Header values that must never appear in a message (the token). */
  secrets: string[];
}

/** A failure before any answer. `reachedServer` is false only when the request provably never left. */
export class GitLabNetworkError extends GitLabError {
  constructor(
    message: string,
    readonly reachedServer: boolean,
  ) {
    super("network", message);
  }
}

/* Connection errors that prove the request was never delivered, so even a create may be retried. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

export function errorFromResponse(
  context: RequestContext,
  status: number,
  headers: Headers,
  gitlabMessage: string,
  nowMs: number,
): GitLabError {
  const where = describe(context);
  const said = gitlabMessage ? ` (${truncate(gitlabMessage)})` : "";
  const make = (kind: GitLabError["kind"], advice: string, retryAfter?: number) =>
    new GitLabError(
      kind,
      redact(`${where} answered ${status}${said}: ${advice}`, context.secrets),
      status,
      retryAfter,
    );
  if (status === 401)
    return make("unauthorized", "check that the token is valid, not expired and has the api scope");
  if (status === 403)
    return make(
      "forbidden",
      "the token's user lacks the role for this (the bot needs Reporter; setup's triggers and webhooks need Maintainer)",
    );
  if (status === 404)
    return make(
      "not-found",
      "check the project path or id and the issue iid, and that the token's user is a member of the project with the Reporter role or higher (GitLab answers 404 for a project, or a confidential issue, that the token may not see)",
    );
  if (status === 429) {
    return make(
      "rate-limited",
      "GitLab is rate-limiting the bot; wait and run again",
      retryAfterMs(headers, nowMs),
    );
  }
  if (status >= 500) return make("server", "GitLab failed to answer; try again later");
  return make("bad-request", "GitLab refused the request");
}

export function errorFromThrown(context: RequestContext, error: unknown, timeoutMs: number): GitLabError {
  if (error instanceof GitLabError) return error;
  const where = describe(context);
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new GitLabError(
      "timeout",
      `${where} got no answer within ${timeoutMs} ms: GitLab is slow or unreachable`,
    );
  }
  const code = errorCode(error);
  const reachedServer = !NOT_SENT_CODES.has(code);
  const message = `${where} failed (${code || name || "network error"}): check the GitLab URL and the network`;
  return new GitLabNetworkError(redact(message, context.secrets), reachedServer);
}

/** `Retry-After` in seconds or as an HTTP date, else GitLab's `RateLimit-Reset` (Unix seconds). */
export function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  const reset = headers.get("ratelimit-reset")?.trim();
  if (reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - nowMs);
  return undefined;
}

/** What a quick-action-only note gets back: GitLab ran the commands and stored nothing. */
export function commandsOnlyNoteError(): GitLabError {
  return new GitLabError(
    "bad-request",
    "GitLab ran the note as quick actions only and saved no note (202): text the bot writes must not start a line with '/'",
    202,
  );
}

export function redact(text: string, secrets: string[]): string {
  let clean = text;
  for (const secret of secrets) if (secret.length >= 4) clean = clean.split(secret).join("[REDACTED]");
  return clean;
}

function describe(context: RequestContext): string {
  let path = context.endpoint;
  try {
    path = decodeURIComponent(context.endpoint);
  } catch {
    // keep it encoded
  }
  return `GitLab ${context.method} ${path.split("?")[0]}`;
}

function errorCode(error: unknown): string {
  // undici puts the system error (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET) on `cause`.
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return "";
}

function truncate(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
