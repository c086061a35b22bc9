import { loadConfig } from "../config/load.js";
import { Renderer } from "../engine/render.js";
import { stateKeyMaterial, stateSigner } from "../engine/state-signature.js";
import { GitLabUnreachableError, NotGitLabError, TokenRejectedError } from "../errors.js";
import { GitLabError, type GitLabPort, type User } from "../gitlab/port.js";
import type { Reporter, RunContext } from "../run/context.js";
import { parseNow } from "./now.js";
import type { CommandOptions } from "./options.js";
import type { Settings } from "./settings.js";

export async function buildContext(
  options: CommandOptions,
  port: GitLabPort,
  reporter: Reporter,
  settings?: Pick<Settings, "url" | "urlSource"> & Partial<Pick<Settings, "token">>,
  env: NodeJS.ProcessEnv = {},
): Promise<RunContext> {
  // Everything that can be wrong locally is checked before the first request.
  const now = parseNow(options.now);
  const config = await loadConfig(options.config, { required: options.configRequired ?? false });
  const bot = await whoAmI(port, settings);
  return {
    port,
    config,
    renderer: new Renderer(),
    bot,
    now,
    dryRun: options.dryRun,
    budget: { limit: config.max_writes_per_run, used: 0 },
    reporter,
    userCache: new Map(),
    ...(settings?.token ? { stateSigner: stateSigner(stateKeyMaterial(env, settings.token)) } : {}),
  };
}

/**
 * The bot's user: the first request of every run, so the one that finds out whether the URL is
 * GitLab at all. A 404 for `/api/v4/user`, or an answer that is not GitLab's JSON, means the setting
 * points at some other server: said so, naming the setting, instead of a puzzling error per issue.
 */
export async function whoAmI(
  port: GitLabPort,
  settings?: Pick<Settings, "url" | "urlSource">,
): Promise<User> {
  try {
    return await port.currentUser();
  } catch (error) {
    if (settings && error instanceof GitLabError) {
      if (error.kind === "unauthorized") throw new TokenRejectedError(settings.url);
      if (error.kind === "not-found")
        throw new NotGitLabError(settings.urlSource, settings.url, "GET /api/v4/user with 404");
      if (error.kind === "invalid-response")
        throw new NotGitLabError(
          settings.urlSource,
          settings.url,
          "GET /api/v4/user with something other than a GitLab user",
        );
      if (error.kind === "network" || error.kind === "timeout")
        throw new GitLabUnreachableError(settings.urlSource, settings.url, unreachableReason(error));
    }
    throw error;
  }
}

/** The cause in a few words: the system's code (ECONNREFUSED, ENOTFOUND) or "no answer in time". */
function unreachableReason(error: GitLabError): string {
  if (error.kind === "timeout") return "no answer in time";
  return /\(([A-Z_]+)\)/.exec(error.message)?.[1] ?? "network error";
}
