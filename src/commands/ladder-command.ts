import { laddersOf } from "../careers/ladders.js";
import { loadConfig } from "../config/load.js";
import type { CommandInput, CommandOutput } from "./command.js";
import {
  departmentLadder,
  departmentNamed,
  ladder,
  ladderLines,
  ladderPictures,
  pictureLines,
} from "./ladder.js";

/**
 * `career-bot ladder ROLE...`: the words after the command are one role name (or a department),
 * quoted or not. The ladders are the page's, or `career-ladders.yml` beside the config.
 */
export async function runLadder({ options }: CommandInput): Promise<CommandOutput> {
  const role = Array.isArray(options.role) ? options.role.join(" ") : String(options.role ?? "");
  const config = await loadConfig(options.config, { required: options.configRequired ?? false });
  const ladders = laddersOf(config);
  if (options.format === "mermaid") {
    const pictures = ladderPictures(role, ladders, config.handbook_url);
    return { lines: pictureLines(pictures), json: { pictures }, exitCode: 0 };
  }
  const department = departmentNamed(role, ladders);
  const entries = department !== undefined ? departmentLadder(department, ladders) : ladder(role, ladders);
  return { lines: ladderLines(entries), json: { roles: entries }, exitCode: 0 };
}
