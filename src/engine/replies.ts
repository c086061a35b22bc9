import type { WorkflowDefinition } from "../workflows/types.js";
import type { NoteDraft } from "./note-drafts.js";
import type { CommandResult, RefusedTick } from "./replay.js";
import { describeRoles, peopleIn, type RoleMap } from "./roles.js";

/**
 * One reply per person per edit for the ticks that do not count and were not answered yet: ticking
 * nine boxes in one save gives one comment, not nine. The key lists every tick it answers, so a
 * later run neither answers them again nor re-counts them (bot-history.ts).
 */
export function tickRefusals(
  refused: RefusedTick[],
  roles: RoleMap,
  answered: ReadonlySet<number>,
): NoteDraft[] {
  return editsOf(refused.filter((tick) => !answered.has(tick.noteId))).map((ticks) => {
    const first = ticks[0]!;
    const allowed = [...new Set(ticks.map((tick) => describeRoles(roles, tick.tickers)))].join("; ");
    return {
      key: `tick:${ticks.map((tick) => tick.noteId).join(".")}`,
      template: "common/tick-refused",
      data: { items: ticks.map((tick) => tick.item), item: first.item, by: first.by, allowed },
      mentions: [],
    };
  });
}

/** How close together GitLab's tick notes of one description save are (it writes them one by one). */
const ONE_EDIT_MS = 10_000;

/** Refused ticks grouped by person and edit: the same author, recorded within moments of each other. */
function editsOf(refused: RefusedTick[]): RefusedTick[][] {
  const groups: RefusedTick[][] = [];
  for (const tick of [...refused].sort((a, b) => a.noteId - b.noteId)) {
    const group = groups.find(
      (g) =>
        g[0]!.by.toLowerCase() === tick.by.toLowerCase() &&
        Math.abs(Date.parse(tick.at) - Date.parse(g[0]!.at)) <= ONE_EDIT_MS,
    );
    if (group) group.push(tick);
    else groups.push([tick]);
  }
  return groups;
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
        ...(command.people ? { people: command.people } : {}),
      };
    });
}
