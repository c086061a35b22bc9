import type { NewPipelineSchedule, PipelineSchedule } from "../gitlab/port.js";
import type { SetupContext } from "./context.js";
import { failedStep } from "./failure.js";
import type { StepResult } from "./report.js";

export const SCHEDULE_DESCRIPTION = "career-bot sweep";
export const DEFAULT_CRON = "0 6 * * *";
/** With no webhook the sweep is the bot's only way to act: a new schedule runs it hourly. */
export const SWEEP_ONLY_CRON = "0 * * * *";

/**
 * The scheduled pipeline that runs `career-bot sweep` on the default branch. Found by its
 * description; a different cron, time zone or branch is updated to what setup was asked for.
 */
export async function ensureSchedule(
  ctx: SetupContext,
  wanted: { cron?: string; timezone: string },
): Promise<StepResult> {
  const ref = ctx.project.defaultBranch;
  if (!ref) {
    const detail = "the project has no default branch to run the sweep on";
    return { step: "schedule", status: "skipped", detail, fix: "push the repository, then run setup again" };
  }
  let schedules: PipelineSchedule[];
  try {
    schedules = await ctx.port.listSchedules(ctx.project.id);
  } catch (error) {
    return failedStep("schedule", "cannot list pipeline schedules", error, ctx.secrets);
  }
  const existing = schedules.find((schedule) => schedule.description === SCHEDULE_DESCRIPTION);
  // Without --cron, a schedule someone set (say, hourly) is kept as it is.
  const desired: NewPipelineSchedule = {
    description: SCHEDULE_DESCRIPTION,
    ref,
    cron: wanted.cron ?? existing?.cron ?? DEFAULT_CRON,
    cronTimezone: wanted.timezone,
    active: true,
  };
  const shown = `"${SCHEDULE_DESCRIPTION}" ${desired.cron} (${desired.cronTimezone}) on ${ref}`;
  if (!existing) {
    if (ctx.dryRun) return { step: "schedule", status: "planned", detail: `would create ${shown}` };
    try {
      await ctx.port.createSchedule(ctx.project.id, desired);
      return { step: "schedule", status: "created", detail: shown };
    } catch (error) {
      return failedStep("schedule", "cannot create the pipeline schedule", error, ctx.secrets);
    }
  }
  const changes: Partial<NewPipelineSchedule> = {};
  const lines: string[] = [];
  for (const key of ["ref", "cron", "cronTimezone", "active"] as const) {
    if (existing[key] === desired[key]) continue;
    Object.assign(changes, { [key]: desired[key] });
    lines.push(`${key} ${String(existing[key])} -> ${String(desired[key])}`);
  }
  if (lines.length === 0) return { step: "schedule", status: "unchanged", detail: shown };
  if (ctx.dryRun) {
    return {
      step: "schedule",
      status: "planned",
      detail: `would update #${existing.id} to ${shown}`,
      changes: lines,
    };
  }
  try {
    await ctx.port.updateSchedule(ctx.project.id, existing.id, changes);
    return { step: "schedule", status: "updated", detail: `#${existing.id}: ${shown}`, changes: lines };
  } catch (error) {
    return failedStep("schedule", `cannot update schedule #${existing.id}`, error, ctx.secrets);
  }
}
