import { UsageError } from "../errors.js";
import { sweep } from "../run/sweep.js";
import { tokenExpiryNotice } from "../run/token-expiry.js";
import { pacerFor } from "../run/trigger-mode.js";
import type { CommandInput, CommandOutput } from "./command.js";
import { buildContext } from "./context.js";
import { consoleReporter } from "./reporter.js";
import { settingsFrom } from "./settings.js";
import { summaryOutput } from "./summary-output.js";
import { systemClock } from "./wiring.js";

/** `career-bot sweep [--group PATH]`, sharded by GitLab CI's parallel: when it is set. */
export async function runSweep({ options, env, io, wiring, secrets }: CommandInput): Promise<CommandOutput> {
  const settings = settingsFrom(options, env, options.group === undefined);
  const shard = shardFrom(env);
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
  const summary = await sweep(ctx, { project: settings.project, group: options.group, shard, secrets });
  // One shard is enough to say it; every shard would print the same line.
  const warning =
    (shard?.index ?? 1) === 1
      ? await tokenExpiryNotice(ctx.port, (wiring.clock ?? systemClock).wallMs())
      : undefined;
  if (warning) summary.notices = [...(summary.notices ?? []), warning];
  return summaryOutput(summary, ctx);
}

export function shardFrom(env: NodeJS.ProcessEnv): { index: number; total: number } | undefined {
  const index = Number(env.CI_NODE_INDEX);
  const total = Number(env.CI_NODE_TOTAL);
  if (!Number.isInteger(index) || !Number.isInteger(total) || total < 2) return undefined;
  if (index < 1 || index > total) throw new UsageError(`CI_NODE_INDEX ${index} is outside 1..${total}`);
  return { index, total };
}
