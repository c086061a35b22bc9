import { readDataBlock } from "../engine/data-block.js";
import type { Snapshot } from "../engine/decide.js";
import type { Issue, ProjectRef } from "../gitlab/port.js";
import type { WorkflowDefinition } from "../workflows/types.js";
import type { RunContext } from "./context.js";

/**
 * Reads what `decide` needs: the issue, its notes, and (when asked) whether the people of the data
 * block exist. Looking people up costs a request each, so a sweep asks only for issues that changed
 * lately; the data was checked when it was written.
 */
export async function readSnapshot(
  ctx: RunContext,
  definition: WorkflowDefinition,
  project: ProjectRef,
  issue: Issue,
  { verifyUsers }: { verifyUsers: boolean },
): Promise<Snapshot> {
  const notes = await ctx.port.listNotes(project, issue.iid);
  const users = new Map<string, import("../gitlab/port.js").User | null>();
  if (verifyUsers) {
    for (const username of peopleOf(definition, issue.description)) {
      const key = username.toLowerCase();
      if (!ctx.userCache.has(key)) ctx.userCache.set(key, await ctx.port.findUser(username));
      users.set(key, ctx.userCache.get(key) ?? null);
    }
  }
  return { issue, notes, bot: ctx.bot, users };
}

/** Usernames in the people fields of the block, as written (the schema checks their shape). */
function peopleOf(definition: WorkflowDefinition, description: string): string[] {
  const block = readDataBlock(description);
  if (block.kind !== "ok") return [];
  const parsed = definition.schema.safeParse(block.data);
  const source = parsed.success ? parsed.data : block.data;
  let people: Record<string, string | undefined> = {};
  try {
    people = definition.people(source as never);
  } catch {
    return [];
  }
  return Object.values(people)
    .filter(
      (name): name is string => typeof name === "string" && /^@?[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name),
    )
    .map((name) => name.replace(/^@/, ""));
}
