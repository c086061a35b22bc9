import { isBotHook } from "../run/hook-health.js";
import type { SetupContext } from "./context.js";
import type { StepResult } from "./report.js";

/**
 * `setup --no-webhook`: no pipeline trigger and no webhook, so no pipeline variables either; the
 * scheduled sweep alone runs every workflow (SPEC section 1). The mode for a project whose
 * pipeline-variables setting nobody may change. A webhook an earlier setup made is left in place, and
 * said so: deleting a person's settings is not setup's to do.
 */
export async function sweepOnlySteps(ctx: SetupContext): Promise<StepResult[]> {
  const why = "--no-webhook: the scheduled sweep alone runs the workflows";
  const steps: StepResult[] = [
    { step: "variables", status: "unchanged", detail: `not needed (${why}; it uses no pipeline variables)` },
    { step: "trigger", status: "unchanged", detail: `not made (${why})` },
  ];
  let leftover: string | undefined;
  try {
    const hooks = (await ctx.port.listHooks(ctx.project.id)).filter(isBotHook);
    if (hooks.length > 0) {
      leftover = `career-bot's webhook #${hooks.map((hook) => hook.id).join(", #")} from an earlier setup still posts events; delete it in Settings > Webhooks if the sweep alone should run the workflows`;
    }
  } catch {
    // Reading hooks needs Maintainer; without it there is nothing to say about an old one.
  }
  steps.push({
    step: "webhook",
    status: "unchanged",
    detail: `not made (${why}, at most one schedule interval late; set trigger_writes_per_minute: 0 in the config, since its writes start no pipeline)`,
    ...(leftover ? { notes: [leftover] } : {}),
  });
  return steps;
}
