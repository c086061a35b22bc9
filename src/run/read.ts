import { parseCommandLines } from "../engine/command-parse.js";
import { readDataBlock } from "../engine/data-block.js";
import { startsWorkflow } from "../engine/earlier.js";
import { personKey, recordedUsers, recordNotes } from "../engine/people-record.js";
import type { Snapshot } from "../engine/snapshot.js";
import { withCheckedState } from "../engine/state-check.js";
import type { Issue, Note, ProjectRef, User } from "../gitlab/port.js";
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
  // The people on record come with their ids from the bot's own notes: no lookup for them.
  const recorded = recordedUsers(notes, ctx.bot);
  const users = new Map<string, User | null>(recorded);
  const lookUp = async (username: string) => {
    const key = username.toLowerCase();
    if (!ctx.userCache.has(key)) ctx.userCache.set(key, await ctx.port.findUser(username));
    users.set(key, ctx.userCache.get(key) ?? null);
  };
  // People of the data block not on record are looked up in every run (the record needs their
  // ids); people named in commands not answered yet (`/career hire @x`) when asked to verify.
  const named = [
    ...peopleOf(definition, issue.description),
    ...(verifyUsers ? commandPeople(notes, ctx.bot.id) : []),
  ];
  for (const username of new Set(named.map((n) => n.toLowerCase()))) {
    if (!recorded.has(username)) await lookUp(username);
  }
  // A paused workflow carries its last state over from the marker: only one the bot signed.
  const checked = ctx.stateSigner ? withCheckedState(issue, ctx.stateSigner) : issue;
  // The team member's earlier workflows: listed once, when the workflow starts (src/engine/earlier.ts).
  const earlier = startsWorkflow(issue) ? await listEarlier(ctx, project, issue) : undefined;
  return {
    issue: checked,
    notes,
    bot: ctx.bot,
    users,
    ...(await departed(ctx, definition, issue, notes)),
    ...(earlier ? { earlier } : {}),
  };
}

/**
 * While the data block names other people than the record, whether the manager on record is still
 * on the instance: if not, people ops confirm the change. One lookup, only while a change waits.
 */
async function departed(
  ctx: RunContext,
  definition: WorkflowDefinition,
  issue: Issue,
  notes: Note[],
): Promise<{ departed?: Set<string> }> {
  // The latest record: the starting one, or the people the last accepted confirmation put there.
  const record = recordNotes(notes, ctx.bot).at(-1)?.record;
  if (!record) return {};
  const written = new Set(peopleOf(definition, issue.description).map(personKey));
  const onRecord = Object.keys(record.ids);
  if (onRecord.length === written.size && onRecord.every((name) => written.has(name))) return {};
  const gone = new Set<string>();
  for (const manager of [record.fields.manager ?? []].flat().map(personKey)) {
    const user = await ctx.port.findUser(manager);
    if (!user || user.id !== record.ids[manager]) gone.add(manager);
  }
  return { departed: gone };
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
