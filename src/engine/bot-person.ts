import type { Problem, WorkflowDefinition } from "../workflows/types.js";

/*
 * The bot cannot be a person of the workflow. Its own notes and ticks are never judged as a
 * person's (they are the record), so a workflow that waits on the bot as manager, host manager or
 * team member waits forever. Said as a data error, at once, instead of a workflow left stuck.
 */
export function botAsPerson(definition: WorkflowDefinition, data: unknown, botUsername: string): Problem[] {
  const bot = botUsername.toLowerCase();
  return Object.entries(definition.people(data as never))
    .filter(([, name]) => typeof name === "string" && name.replace(/^@/, "").toLowerCase() === bot)
    .map(([field, name]) => ({
      field,
      value: name,
      message: `is the career bot's own user, which cannot act in a workflow; name the person who holds this role`,
    }));
}
