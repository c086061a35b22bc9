import { isBotHook } from "../run/hook-health.js";
import type { SetupContext } from "./context.js";
import type { StepResult } from "./report.js";

const WHY = "--no-webhook: the scheduled sweep alone runs the workflows";

/**
 * `setup --no-webhook`: no pipeline trigger and no webhook, so no pipeline variables either; the
 * scheduled sweep alone runs every workflow (SPEC section 1). The mode for a project whose
 * pipeline-variables setting nobody may change. A webhook an earlier setup made is left in place and
 * reported as still posting events: deleting a project's settings is not setup's to do.
 */
export async function sweepOnlySteps(ctx: SetupContext): Promise<StepResult[]> {
  const steps: StepResult[] = [
    { step: "variables", status: "unchanged", detail: `not needed (${WHY}; it uses no pipeline variables)` },
    { step: "trigger", status: "unchanged", detail: `none made (${WHY})` },
  ];
  let hookIds: number[] = [];
  try {
    hookIds = (await ctx.port.listHooks(ctx.project.id)).filter(isBotHook).map((hook) => hook.id);
  } catch {
    // Reading hooks needs Maintainer; without it there is nothing to say about an old one.
  }
  const pacing = "set trigger_writes_per_minute: 0 in the config, since the sweep's writes start no pipeline";
  if (hookIds.length === 0) {
    steps.push({
      step: "webhook",
      status: "unchanged",
      detail: `none made (${WHY}, at most one schedule interval late); ${pacing}`,
    });
    return steps;
  }
  steps.push({
    step: "webhook",
    status: "unchanged",
    detail: `left in place: career-bot's webhook #${hookIds.join(", #")} from an earlier setup still posts events to the trigger`,
    notes: [
      `to run on the sweep alone, delete it in Settings > Webhooks (and its trigger in Settings > CI/CD > Pipeline trigger tokens), then ${pacing}`,
    ],
  });
  return steps;
}
