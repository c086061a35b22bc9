import { checkPayload, handle } from "../run/handle.js";
import { pacerFor } from "../run/trigger-mode.js";
import type { CommandInput, CommandOutput } from "./command.js";
import { buildContext } from "./context.js";
import { readPayload } from "./payload-source.js";
import { consoleReporter } from "./reporter.js";
import { settingsFrom } from "./settings.js";
import { summaryOutput } from "./summary-output.js";
import { systemClock } from "./wiring.js";

/** `career-bot handle`: one webhook event, read from --payload, stdin or $TRIGGER_PAYLOAD. */
export async function runHandle({ options, env, io, wiring, secrets }: CommandInput): Promise<CommandOutput> {
  const settings = settingsFrom(options, env, true);
  const payload = await readPayload(options.payload, env);
  checkPayload(payload);
  const ctx = await buildContext(
    options,
    wiring.connect(settings, env),
    consoleReporter(env, io),
    settings,
    env,
  );
  ctx.pacer = pacerFor(ctx.config, env, {
    ...ctx,
    project: settings.project,
    clock: wiring.clock ?? systemClock,
  });
  return summaryOutput(await handle(ctx, payload, { project: settings.project!, secrets }), ctx);
}
