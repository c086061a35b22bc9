import type { WorkflowDefinition } from "../workflows/types.js";
import type { NoteDraft } from "./note-drafts.js";
import type { CommandResult, RefusedTick } from "./replay.js";
import { describeRoles, peopleIn, type RoleMap } from "./roles.js";

/** A reply to each tick that does not count. They go first: any later bot note marks every earlier tick as judged (replay.ts). */
export function tickRefusals(refused: RefusedTick[], roles: RoleMap): NoteDraft[] {
  return refused.map((tick) => ({
    key: `tick:${tick.noteId}`,
    template: "common/tick-refused",
    data: { item: tick.item, by: tick.by, allowed: describeRoles(roles, tick.tickers) },
    mentions: [],
  }));
}

/** A reply to each command not answered yet: done, or refused with the reason. */
export function commandReplies(
  commands: CommandResult[],
  definition: WorkflowDefinition,
  roles: RoleMap,
): NoteDraft[] {
  return commands
    .filter((command) => !command.answered)
    .map((command) => {
      // An accepted command that hands the work to someone else tells them (`notify` in the definition).
      const notify =
        command.verdict === "accepted"
          ? (command.notify ?? definition.commands.find((c) => c.verb === command.line.verb)?.notify ?? [])
          : [];
      return {
        key: `reply:${command.key}:${command.verdict}`,
        template: "common/command-reply",
        data: { message: command.message, command: command.line.raw, verdict: command.verdict },
        mentions: peopleIn(roles, notify),
        ...(command.record ? { record: command.record } : {}),
      };
    });
}
