import type { CommandInput, CommandOutput } from "./command.js";
import { ladder, ladderLines } from "./ladder.js";

/** `career-bot ladder ROLE...`: the words after the command are one role name, quoted or not. */
export async function runLadder({ options }: CommandInput): Promise<CommandOutput> {
  const role = Array.isArray(options.role) ? options.role.join(" ") : String(options.role ?? "");
  const entries = ladder(role);
  return { lines: ladderLines(entries), json: { roles: entries }, exitCode: 0 };
}
