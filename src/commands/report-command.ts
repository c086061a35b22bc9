import { buildDashboard } from "../dashboard/build.js";
import { type DashboardScope, readDashboardInput } from "../dashboard/read.js";
import { UsageError } from "../errors.js";
import { historyCsv, historyJson, historyMarkdown } from "../history/history-report.js";
import type { HistoryEntry } from "../history/person-history.js";
import { readPersonHistory } from "../history/read-history.js";
import type { CommandInput, CommandOutput } from "./command.js";
import { buildContext } from "./context.js";
import { consoleReporter } from "./reporter.js";
import { settingsFrom } from "./settings.js";

/**
 * `career-bot report [--group PATH] [--format md|json|csv]`: the dashboard's content, read with the
 * same listings as the dashboard and written nowhere (no write happens, dry run or not).
 */
export async function runReport({ options, env, io, wiring }: CommandInput): Promise<CommandOutput> {
  const username = options.person === undefined ? undefined : checkedUsername(options.person);
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
  if (username !== undefined)
    return personReport(
      await readPersonHistory(ctx, scope, username),
      username,
      options.format,
      options.json,
      io,
    );
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

function checkedUsername(text: string): string {
  const name = text.trim().replace(/^@/, "");
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) {
    throw new UsageError(
      `--person ${JSON.stringify(text)} is not a GitLab username; write the username alone, e.g. --person alice`,
    );
  }
  return name;
}

/**
 * `report --person USERNAME`: every workflow in which the person is the team member, from one listing
 * of open and closed issues (readPersonHistory), confidential issues only.
 */
function personReport(
  entries: HistoryEntry[],
  username: string,
  format: string | undefined,
  json: boolean,
  io: CommandInput["io"],
): CommandOutput {
  const data = historyJson(username, entries);
  switch (format) {
    case "json":
      return { lines: [JSON.stringify(data, null, 2)], json: data, exitCode: 0 };
    case "csv":
      if (!json) io.stdout(historyCsv(entries));
      return { lines: [], json: data, exitCode: 0 };
    default:
      return { lines: [historyMarkdown(username, entries)], json: data, exitCode: 0 };
  }
}
