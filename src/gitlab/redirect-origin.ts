import { GitLabError } from "./port.js";

/*
 * Every request carries the token (PRIVATE-TOKEN, Authorization or JOB-TOKEN). fetch drops only
 * Authorization and cookies on a cross-origin redirect, so a 301 from GITLAB_URL to another host
 * would hand that host the token. The bot follows no redirect that leaves the origin it was sent to
 * (GITLAB_URL's): it stops and says which URL sent it where, and how to fix the setting.
 */

/** A redirect that would leave GitLab's origin: refused, never followed (not retried either). */
export class RedirectLeftOriginError extends GitLabError {
  constructor(from: URL, to: URL, status: number) {
    super(
      "bad-request",
      `GitLab at ${from.origin} answered ${status} redirecting ${shown(from)} to ${shown(to)}, another origin: ` +
        `the bot never sends its token to another origin. If the GitLab instance moved, set GITLAB_URL ` +
        `(or --gitlab-url) to the new URL (${to.origin}); otherwise check the proxy in front of GitLab.`,
      status,
    );
    this.name = "RedirectLeftOriginError";
  }
}

/* Origin and path only: a query may carry search terms (usernames), which the message does not need. */
function shown(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
