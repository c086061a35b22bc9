import { parseCommandLines } from "../engine/command-parse.js";
import { readDataBlock } from "../engine/data-block.js";
import { startsWorkflow } from "../engine/earlier.js";
import type { Snapshot } from "../engine/snapshot.js";
import type { Issue, Note, ProjectRef } from "../gitlab/port.js";
import { listEarlier } from "../history/earlier-listing.js";
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
    // People of the data block, and people named in commands not answered yet (`/career hire @x`).
    const named = [...peopleOf(definition, issue.description), ...commandPeople(notes, ctx.bot.id)];
    for (const username of new Set(named.map((n) => n.toLowerCase()))) {
      const key = username.toLowerCase();
      if (!ctx.userCache.has(key)) ctx.userCache.set(key, await ctx.port.findUser(username));
      users.set(key, ctx.userCache.get(key) ?? null);
    }
  }
  // The team member's earlier workflows: listed once, when the workflow starts (src/engine/earlier.ts).
  const earlier = startsWorkflow(issue) ? await listEarlier(ctx, project, issue) : undefined;
  return { issue, notes, bot: ctx.bot, users, ...(earlier ? { earlier } : {}) };
}

/** `@user` arguments of the `/career` lines of commands the bot has not answered yet. */
function commandPeople(notes: Note[], botId: number): string[] {
  const answered = new Set(
    notes.filter((n) => n.author.id === botId).flatMap((n) => /key=reply:(\d+)\./.exec(n.body)?.[1] ?? []),
  );
  return notes
    .filter((n) => !n.system && n.author.id !== botId && !answered.has(String(n.id)))
    .flatMap((n) => parseCommandLines(n.body).flatMap((line) => line.args))
    .flatMap((arg) => /^@([A-Za-z0-9_][A-Za-z0-9_.-]*)$/.exec(arg)?.[1] ?? []);
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
