import { buildDashboard } from "../dashboard/build.js";
import { type DashboardScope, readDashboardInput } from "../dashboard/read.js";
import type { CommandInput, CommandOutput } from "./command.js";
import { buildContext } from "./context.js";
import { consoleReporter } from "./reporter.js";
import { settingsFrom } from "./settings.js";

/**
 * `career-bot report [--group PATH] [--format md|json|csv]`: the dashboard's content, read with the
 * same listings as the dashboard and written nowhere (no write happens, dry run or not).
 */
export async function runReport({ options, env, io, wiring }: CommandInput): Promise<CommandOutput> {
  const settings = settingsFrom(options, env, options.group === undefined);
  const ctx = await buildContext(
    options,
    wiring.connect(settings, env),
    consoleReporter(env, io),
    settings,
    env,
  );
  const scope: DashboardScope =
    options.group !== undefined ? { group: options.group } : { project: settings.project! };
  const content = buildDashboard(await readDashboardInput(ctx, scope));
  const json = content.json;
  switch (options.format) {
    case "json":
      return { lines: [JSON.stringify(json, null, 2)], json, exitCode: 0 };
    case "csv":
      // Printed as is: RFC 4180 wants CRLF line ends, which the line printer would not keep.
      if (!options.json) io.stdout(content.csv);
      return { lines: [], json, exitCode: 0 };
    default:
      return { lines: [content.markdown], json, exitCode: 0 };
  }
}
