import { GitLabUrlError, UsageError } from "../errors.js";
import type { CommandOptions } from "./options.js";

/** Where the GitLab URL came from, named in every message about it. */
export type UrlSource = "--gitlab-url" | "GITLAB_URL" | "CI_SERVER_URL";

export interface Settings {
  url: string;
  urlSource: UrlSource;
  token: string;
  project?: string;
}

/** GitLab settings from options, else the environment (SPEC section 2). */
export function settingsFrom(
  options: CommandOptions,
  env: NodeJS.ProcessEnv,
  needProject: boolean,
): Settings {
  const [url, urlSource] = firstSet<UrlSource>([
    [options.gitlabUrl, "--gitlab-url"],
    [env.GITLAB_URL, "GITLAB_URL"],
    [env.CI_SERVER_URL, "CI_SERVER_URL"],
  ]);
  const token = options.token || env.CAREER_BOT_TOKEN || env.GITLAB_TOKEN;
  const project = options.project || env.CAREER_BOT_PROJECT || env.CI_PROJECT_ID;
  const missing = [
    !url && "--gitlab-url (or GITLAB_URL)",
    !token && "--token (or CAREER_BOT_TOKEN)",
    needProject && !project && "--project (or CAREER_BOT_PROJECT)",
  ].filter(Boolean);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(", ")}`);
  return { url: instanceUrl(url!, urlSource!), urlSource: urlSource!, token: token!, project };
}

function firstSet<S>(candidates: [string | undefined, S][]): [string | undefined, S | undefined] {
  const found = candidates.find(([value]) => value !== undefined && value !== "");
  return found ?? [undefined, undefined];
}

/**
 * The instance URL the adapter adds `/api/v4` to. People often paste the API root, which is
 * accepted; a bare host (`gitlab.example.com`) is not guessed into https, since a wrong guess would
 * send the token somewhere unintended.
 */
export function instanceUrl(value: string, source: UrlSource): string {
  const trimmed = value.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    const host = trimmed.replace(/^\/+/, "");
    throw new GitLabUrlError(
      source,
      value,
      `it needs its scheme; write ${source === "--gitlab-url" ? "--gitlab-url " : `${source}=`}https://${host || "gitlab.example.com"}`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new GitLabUrlError(source, value, "write it as https://gitlab.example.com");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new GitLabUrlError(source, value, `use an https:// (or http://) URL, not ${parsed.protocol}`);
  if (parsed.search || parsed.hash || parsed.username || parsed.password)
    throw new GitLabUrlError(
      source,
      value,
      "give the instance address alone: no query, fragment or credentials",
    );
  return trimmed.replace(/\/+$/, "").replace(/\/api\/v4$/, "");
}
