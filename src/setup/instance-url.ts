/*
 * A webhook to the GitLab instance itself passes GitLab's local-network check only when its URL
 * has the instance's configured scheme, host and port (`internal_web?` in lib/gitlab/url_blocker.rb,
 * from `Gitlab.config.gitlab`). The project's `web_url` is built from that same configuration, so
 * comparing it with GITLAB_URL tells whether the trigger hook setup makes will be trusted.
 */

/** A warning for the report when GITLAB_URL is not the instance's external URL, else undefined. */
export function instanceUrlWarning(gitlabUrl: string, projectWebUrl: string): string | undefined {
  let api: URL;
  let web: URL;
  try {
    api = new URL(gitlabUrl);
    web = new URL(projectWebUrl);
  } catch {
    return undefined;
  }
  // URL drops a scheme's default port, so https://host and https://host:443 compare equal.
  if (api.protocol === web.protocol && api.hostname === web.hostname && api.port === web.port)
    return undefined;
  return [
    `GITLAB_URL is ${api.origin}, but GitLab's external URL is ${web.origin} (the project's web_url).`,
    "GitLab lets a webhook post to the instance itself only at its external URL (same scheme, host and port);",
    "at another address its local-network check refuses the hook or its deliveries.",
    `Set GITLAB_URL (or --gitlab-url) to ${web.origin} and run setup again.`,
  ].join(" ");
}
