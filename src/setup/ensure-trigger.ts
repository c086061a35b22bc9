import type { SetupContext } from "./context.js";
import { failedStep } from "./failure.js";
import type { StepResult } from "./report.js";

export const TRIGGER_DESCRIPTION = "career-bot";

export interface TriggerOutcome {
  result: StepResult;
  /** The usable token (never printed), when there is one. */
  token?: string;
  /** True when this run made the token, so a hook pointing at an older one must be refreshed. */
  fresh: boolean;
}

/**
 * Finds the bot's own pipeline trigger, else creates one. GitLab shows a trigger's whole token only
 * to its owner, so one made by another user cannot be put into a hook by the bot: it gets its own.
 */
export async function ensureTrigger(ctx: SetupContext): Promise<TriggerOutcome> {
  let triggers: Awaited<ReturnType<typeof ctx.port.listTriggerTokens>>;
  try {
    triggers = await ctx.port.listTriggerTokens(ctx.project.id);
  } catch (error) {
    return {
      result: failedStep("trigger", "cannot list pipeline triggers", error, ctx.secrets),
      fresh: false,
    };
  }
  const named = triggers.filter((trigger) => trigger.description === TRIGGER_DESCRIPTION);
  const mine = named.find((trigger) => trigger.owner?.id === ctx.bot.id && trigger.token.length > 4);
  if (mine) {
    ctx.secrets.push(mine.token);
    const detail = `pipeline trigger "${TRIGGER_DESCRIPTION}" (#${mine.id}) is there; its token is not shown`;
    return { result: { step: "trigger", status: "unchanged", detail }, token: mine.token, fresh: false };
  }
  const notes =
    named.length > 0
      ? [
          `a "${TRIGGER_DESCRIPTION}" trigger of another user exists; the bot cannot read its token, so it makes its own`,
        ]
      : undefined;
  if (ctx.dryRun) {
    const detail = `would create pipeline trigger "${TRIGGER_DESCRIPTION}"`;
    return { result: { step: "trigger", status: "planned", detail, notes }, fresh: true };
  }
  try {
    const created = await ctx.port.createTriggerToken(ctx.project.id, TRIGGER_DESCRIPTION);
    ctx.secrets.push(created.token);
    const detail = `created pipeline trigger "${TRIGGER_DESCRIPTION}" (#${created.id}); its token goes only into the webhook`;
    return {
      result: { step: "trigger", status: "created", detail, notes },
      token: created.token,
      fresh: true,
    };
  } catch (error) {
    return {
      result: failedStep("trigger", "cannot create the pipeline trigger", error, ctx.secrets),
      fresh: false,
    };
  }
}
