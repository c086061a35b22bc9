/**
 * Errors the CLI maps to exit codes. Each has a code to dispatch on and a message that says how
 * to fix it (semantic-release's error definitions); no code path looks at message strings.
 */
export class CareerBotError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command-line usage or missing settings: exit 2. */
export class UsageError extends CareerBotError {
  constructor(message: string) {
    super("EUSAGE", message, 2);
  }
}

/** The config file, a workflow definition or a template is wrong: exit 2. */
export class ConfigError extends CareerBotError {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super("ECONFIG", message, 2);
  }
}

/** A word where a command belongs that names none: exit 2, with the commands and the nearest one. */
export class UnknownCommandError extends CareerBotError {
  constructor(
    readonly word: string,
    readonly commands: readonly string[],
    readonly suggestion: string | undefined,
  ) {
    const hint = suggestion ? ` Did you mean ${suggestion}?` : "";
    super(
      "ECOMMAND",
      `unknown command ${JSON.stringify(word)}.${hint} The commands are: ${commands.join(", ")} (see career-bot --help).`,
      2,
    );
  }
}

/**
 * The GitLab URL setting is not one: no scheme, or not http(s). Names the setting it came from
 * (`--gitlab-url`, `GITLAB_URL` or `CI_SERVER_URL`) and the value, so the fix is one edit.
 */
export class GitLabUrlError extends CareerBotError {
  constructor(source: string, value: string, fix: string) {
    super("EGITLABURL", `${source}=${JSON.stringify(value)} is not a GitLab URL: ${fix}`, 2);
  }
}

/** The GitLab URL answers, but not as GitLab's REST API: the setting points at some other server. */
export class NotGitLabError extends CareerBotError {
  constructor(source: string, value: string, answer: string) {
    super(
      "ENOTGITLAB",
      `${source}=${JSON.stringify(value)} answered ${answer}, which is not GitLab's API at ${value}/api/v4: set ${source} to the address of your GitLab instance (what you open in a browser, e.g. https://gitlab.example.com, with its path if GitLab is served under one)`,
      2,
    );
  }
}

/**
 * The GitLab URL does not answer at all (refused, no such host, timed out). Exit 1, not 2: a GitLab
 * that is down for a moment looks the same as a mistyped host, and the first is worth running again.
 * Names the setting and its value, as the other URL errors do.
 */
export class GitLabUnreachableError extends CareerBotError {
  constructor(source: string, value: string, reason: string) {
    super(
      "EUNREACHABLE",
      `${source}=${JSON.stringify(withoutCredentials(value))} did not answer (${reason}): check that it is the address of your GitLab instance (what you open in a browser, e.g. https://gitlab.example.com) and that this machine can reach it`,
      1,
    );
  }
}

/** `sweep --group` names a group the bot's token cannot see (404) or may not read (403). */
export class GroupNotFoundError extends CareerBotError {
  constructor(group: string, status: number | undefined) {
    super(
      "EGROUP",
      `--group ${JSON.stringify(group)}: ${notShown("group", status)}: give the group's full path as in its URL (e.g. org/engineering) or its numeric id, and make the bot's user a member of the group (Reporter or higher)`,
      2,
    );
  }
}

/** GitLab answered 401 to the bot's first request: the token is wrong, expired or revoked. */
export class TokenRejectedError extends CareerBotError {
  constructor(url: string) {
    super(
      "ETOKEN",
      `GitLab at ${withoutCredentials(url)} rejected the token (401): it is mistyped, expired or revoked. Create a project access token (scope api, role Maintainer for setup, Reporter for the rest) and store it as the masked CI/CD variable CAREER_BOT_TOKEN (or pass --token)`,
      2,
    );
  }
}

/** The project setting names a project the token cannot see (404) or may not read (403). */
export class ProjectNotFoundError extends CareerBotError {
  constructor(project: string, status: number | undefined) {
    super(
      "EPROJECT",
      `project ${JSON.stringify(project)} (--project, CAREER_BOT_PROJECT or CI_PROJECT_ID): ${notShown("project", status)}: give the project's full path as in its URL (e.g. people/careers) or its numeric id, and make the bot's user a member of it with the Reporter role or higher (Maintainer for setup)`,
      2,
    );
  }
}

/** A URL as it may be printed: any user and password in it are cut out. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.origin + parsed.pathname.replace(/\/$/, "");
  } catch {
    return "the GitLab URL";
  }
}

/** Why GitLab would not show a group or project: 403 it may not be read, else (404) there is none. */
function notShown(what: "group" | "project", status: number | undefined): string {
  if (status === 403) return `GitLab does not let the token read that ${what} (403)`;
  return `GitLab shows the token no such ${what}${status ? ` (${status})` : ""}`;
}
