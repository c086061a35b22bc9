import type { GitLabPort, ProjectRef, User } from "../gitlab/port.js";
import { settingError } from "../gitlab/setting-errors.js";
import type { WorkflowDefinition } from "../workflows/types.js";
import type { SetupContext } from "./context.js";
import { ensureHook } from "./ensure-hook.js";
import { ensureLabels } from "./ensure-labels.js";
import { ensureSchedule, SWEEP_ONLY_CRON } from "./ensure-schedule.js";
import { ensureTrigger } from "./ensure-trigger.js";
import { ensurePipelineVariables } from "./ensure-variables.js";
import { instanceUrlWarning } from "./instance-url.js";
import { labelCatalogue } from "./labels.js";
import type { SetupReport, StepResult } from "./report.js";
import { sweepOnlySteps } from "./sweep-only.js";

export interface SetupOptions {
  project: ProjectRef;
  /** Instance URL without `/api/v4`, for the pipeline-trigger URL. */
  gitlabUrl: string;
  workflows: readonly WorkflowDefinition[];
  /** The sweep's schedule; unset keeps an existing schedule's cron (a new one gets the default). */
  cron?: string;
  timezone: string;
  dryRun: boolean;
  /** Point the webhook at `career-bot serve` here, with this secret, instead of the trigger. */
  serve?: { url: string; secret: string };
  /**
   * No trigger and no webhook (`--no-webhook`): the scheduled sweep alone runs every workflow, at
   * most one schedule interval late, and needs no pipeline variables (SPEC section 1).
   */
  sweepOnly?: boolean;
  secrets: string[];
  /** The bot's user when the caller has read it already (the setup command, checking the URL). */
  bot?: User;
}

/**
 * Labels, who may use pipeline variables, pipeline trigger, webhook, schedule: each step reads first and writes only what is
 * missing or wrong, so a second run changes nothing. A failed step does not stop the others.
 */
export async function runSetup(port: GitLabPort, options: SetupOptions): Promise<SetupReport> {
  const settings = { url: options.gitlabUrl, project: options.project };
  const shown = await port.getProject(options.project).catch((error: unknown) => {
    throw settingError(error, settings);
  });
  const bot =
    options.bot ??
    (await port.currentUser().catch((error: unknown) => {
      throw settingError(error, { url: options.gitlabUrl });
    }));
  // GitLab's `permissions` leave out a role held through an invited group (and an administrator's):
  // then ask the members API, which counts every membership, rather than take the token for a Guest.
  const project =
    shown.accessLevel === null
      ? { ...shown, accessLevel: await port.memberAccessLevel(shown.id, bot.id) }
      : shown;
  const ctx: SetupContext = {
    port,
    project,
    bot,
    gitlabUrl: options.gitlabUrl,
    dryRun: options.dryRun,
    secrets: options.secrets,
  };
  const steps: StepResult[] = [await ensureLabels(ctx, labelCatalogue(options.workflows))];
  if (options.sweepOnly) {
    steps.push(...(await sweepOnlySteps(ctx)));
  } else if (options.serve) {
    const detail =
      "not needed: career-bot serve receives the events itself, so no pipeline variables are used";
    steps.push({ step: "variables", status: "unchanged", detail });
    steps.push({
      step: "trigger",
      status: "unchanged",
      detail: "not needed: the webhook posts to career-bot serve",
    });
    steps.push(await ensureHook(ctx, { kind: "serve", ...options.serve }));
  } else {
    // Before the webhook: its re-enabling test delivery only succeeds once the bot may use variables.
    steps.push(await ensurePipelineVariables(ctx));
    const trigger = await ensureTrigger(ctx);
    steps.push(trigger.result);
    const hook = await ensureHook(ctx, { kind: "trigger", trigger });
    const warning = instanceUrlWarning(options.gitlabUrl, project.webUrl);
    steps.push(warning ? { ...hook, notes: [...(hook.notes ?? []), warning] } : hook);
  }
  // Without events the sweep is the bot's only way to act: hourly, unless told otherwise.
  const cron = options.cron ?? (options.sweepOnly ? SWEEP_ONLY_CRON : undefined);
  steps.push(await ensureSchedule(ctx, { cron, timezone: options.timezone }));
  return {
    command: "setup",
    dryRun: options.dryRun,
    project: { id: project.id, path: project.path, defaultBranch: project.defaultBranch },
    steps,
  };
}
