import { ACCESS, type PipelineVariables, type PipelineVariablesRole } from "../gitlab/port.js";
import { errorLine } from "../run/safe-error.js";
import type { SetupContext } from "./context.js";
import type { StepResult } from "./report.js";

export const VARIABLES_SETTING = "ci_pipeline_variables_minimum_override_role";
export const VARIABLES_PLACE = 'Settings > CI/CD > Variables > "Minimum role to use pipeline variables"';

/*
 * The webhook's body reaches the job as TRIGGER_PAYLOAD, which GitLab always adds as a pipeline
 * variable (app/services/ci/pipeline_trigger_service.rb); a trigger owner who may not set
 * variables gets 400 "Insufficient permissions to set pipeline variables" and, after repeated
 * failures, a disabled webhook. Who may: ProjectCiCdSetting#override_pipeline_variables_allowed?
 * (17.1+), before that `restrict_user_defined_variables` off or the Maintainer role.
 */

const ROLE_NAMES: Record<number, string> = { 30: "Developer", 40: "Maintainer", 50: "Owner" };

function roleName(level: number): string {
  return ROLE_NAMES[level] ?? `access level ${level}`;
}

/** Whether a user of this access level may set pipeline variables under these settings. */
export function maySetVariables(settings: PipelineVariables, level: number): boolean {
  if (settings.restricted === false) return true;
  if (settings.minimumRole === null) return level >= ACCESS.maintainer;
  if (settings.minimumRole === "no_one_allowed") return false;
  return level >= ACCESS[settings.minimumRole];
}

/** The least permissive value that lets a user of this level: their own role. */
function leastRoleFor(level: number): PipelineVariablesRole {
  if (level >= ACCESS.owner) return "owner";
  return level >= ACCESS.maintainer ? "maintainer" : "developer";
}

function describe(settings: PipelineVariables): string {
  if (settings.minimumRole !== null) return `${VARIABLES_SETTING} is ${settings.minimumRole}`;
  return `restrict_user_defined_variables is ${String(settings.restricted)} (GitLab before 17.1)`;
}

/**
 * Makes sure the bot's trigger pipelines may carry TRIGGER_PAYLOAD: reads the setting and, where
 * it shuts the bot out, lowers it to the bot's own role when GitLab lets the token do that
 * (Maintainer, or Owner when `owner` is involved: Projects::UpdateService).
 */
export async function ensurePipelineVariables(ctx: SetupContext): Promise<StepResult> {
  const { project, bot } = ctx;
  const settings = project.pipelineVariables;
  const level = project.accessLevel;
  if (!settings || level === null) {
    return {
      step: "variables",
      status: "skipped",
      detail: "cannot read who may use pipeline variables: GitLab shows it only to Maintainers and up",
      fix: `give the token the Maintainer role and run setup again, or check ${VARIABLES_PLACE} yourself: @${bot.username} must be allowed, since the webhook's body reaches the job as the pipeline variable TRIGGER_PAYLOAD.`,
    };
  }
  const who = `@${bot.username} (${roleName(level)}), the trigger's owner`;
  if (maySetVariables(settings, level)) {
    return { step: "variables", status: "unchanged", detail: `${describe(settings)}: ${who}, may use them` };
  }
  const refused = `${describe(settings)}: ${who}, may not use pipeline variables, so GitLab would refuse every webhook pipeline ("Insufficient permissions to set pipeline variables") and then disable the webhook`;
  const wanted = leastRoleFor(level);
  const fix = ownerFix(project.id, wanted, level);
  const current = settings.minimumRole;
  const involvesOwner = current === "owner" || wanted === "owner";
  if (current === null || level < ACCESS.maintainer || (involvesOwner && level < ACCESS.owner)) {
    return { step: "variables", status: "failed", detail: refused, fix };
  }
  const change = `${VARIABLES_SETTING} ${current} -> ${wanted}`;
  if (ctx.dryRun) {
    return {
      step: "variables",
      status: "planned",
      detail: `would let ${who}, use pipeline variables`,
      changes: [change],
    };
  }
  try {
    await ctx.port.setPipelineVariablesRole(project.id, wanted);
  } catch (error) {
    return {
      step: "variables",
      status: "failed",
      detail: `${refused}; changing it failed: ${errorLine(error, ctx.secrets)}`,
      fix,
    };
  }
  return {
    step: "variables",
    status: "updated",
    detail: `${who}, may now use pipeline variables`,
    changes: [change],
  };
}

function ownerFix(projectId: number, wanted: PipelineVariablesRole, level: number): string {
  return [
    `ask an Owner of the project to set it to ${wanted} (or a lower role) in ${VARIABLES_PLACE},`,
    `or by API: PUT /projects/${projectId} with ${VARIABLES_SETTING}=${wanted}.`,
    `The token's user is ${roleName(level)}; only the Owner role may change the setting to or from "owner"`,
    "(and before GitLab 17.1 only Maintainers may use pipeline variables at all).",
    "Then run setup again, or use career-bot serve, which needs no pipeline variables.",
  ].join(" ");
}
