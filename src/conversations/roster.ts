import type { Config } from "../config/schema.js";
import { budgetedWriter, type Write } from "../engine/apply.js";
import { dayOf, quarterOf } from "../engine/dates.js";
import { followUpMarker } from "../engine/markers.js";
import { issueRef, type WriteRecord } from "../engine/write-record.js";
import type { Issue, ProjectRef, User } from "../gitlab/port.js";
import type { RunContext } from "../run/context.js";
import { conversation } from "../workflows/conversation.js";

type Quarter = ReturnType<typeof quarterOf>;
type Entry = Config["conversations"]["roster"][number];

/**
 * The searchable token that marks the career-conversations issue of one manager and quarter. It sits
 * in an HTML comment of the description, and counts only in issues the bot itself authored.
 */
export function conversationToken(manager: string, quarterId: string): string {
  return `career-bot-conversation-${manager.toLowerCase()}-${quarterId.toLowerCase()}`;
}

/**
 * Creates this quarter's career-conversations issue for every manager of the roster, once: one
 * confidential issue per manager and quarter, assigned to the manager, with the data block prefilled.
 * Returns what was written (or, in a dry run, would be).
 *
 * "Once" holds across runs and against overlapping sweeps: an existing issue is found by its marker
 * (closed ones count, so a finished quarter is never reopened); after creating, the bot searches
 * again and closes any newer duplicate, keeping the oldest, which every sweep agrees on.
 */
export async function ensureConversationIssues(ctx: RunContext, project: ProjectRef): Promise<WriteRecord[]> {
  const writes: WriteRecord[] = [];
  const write = budgetedWriter(ctx, writes);
  const quarter = quarterOf(dayOf(ctx.now, ctx.config.timezone));
  for (const entry of ctx.config.conversations.roster) {
    await ensureOne(ctx, project, entry, quarter, write);
  }
  return writes;
}

async function ensureOne(
  ctx: RunContext,
  project: ProjectRef,
  entry: Entry,
  quarter: Quarter,
  write: Write,
): Promise<void> {
  const token = conversationToken(entry.manager, quarter.id);
  const what = `conversation issue for ${entry.manager} (${quarter.id})`;
  const existing = await findMarked(ctx, project, token);
  if (existing.length > 0) {
    // A run that died between creating and de-duplicating left its duplicates to this one.
    await closeDuplicates(ctx, project, existing, what, write);
    return;
  }
  const manager = await lookUp(ctx, entry.manager);
  if (!manager) {
    ctx.reporter.info(
      `conversations: roster manager ${entry.manager} is not a GitLab user; no issue for ${quarter.id}`,
    );
    return;
  }
  const data = {
    manager: entry.manager,
    reports: entry.reports,
    quarter: quarter.id,
    quarter_label: quarter.label,
  };
  const title = ctx.renderer.render("conversation/issue-title", data).split("\n")[0]!.slice(0, 250);
  const description = `${ctx.renderer.render("conversation/issue", data)}\n\n${followUpMarker(token)}`;
  const record: WriteRecord = {
    kind: "issue",
    issue: issueRef(project),
    key: token,
    what: `create ${what}`,
    title,
    text: description,
  };
  await write(record, () =>
    ctx.port.createIssue(project, {
      title,
      description,
      labels: [conversation.label],
      confidential: true,
      assigneeIds: [manager.id],
    }),
  );
  if (ctx.dryRun) return;
  await closeDuplicates(ctx, project, await findMarked(ctx, project, token), what, write);
}

/** The bot's issues carrying the marker, oldest first. */
async function findMarked(ctx: RunContext, project: ProjectRef, token: string): Promise<Issue[]> {
  const found = await ctx.port.listIssues(project, { searchInDescription: token, state: "all" });
  return found
    .filter((issue) => issue.author.id === ctx.bot.id && issue.description.includes(followUpMarker(token)))
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.iid - b.iid);
}

/** Keeps the oldest issue and closes every newer one that is still open, saying which one to use. */
async function closeDuplicates(
  ctx: RunContext,
  project: ProjectRef,
  issues: Issue[],
  what: string,
  write: Write,
): Promise<void> {
  const [kept, ...newer] = issues;
  if (!kept) return;
  for (const duplicate of newer) {
    // Re-read: an overlapping sweep may have closed it a moment ago.
    const fresh = await ctx.port.getIssue(project, duplicate.iid);
    if (fresh.state !== "opened") continue;
    const ref = issueRef(project, duplicate.iid);
    const changes = { stateEvent: "close" } as const;
    const close = `close duplicate #${duplicate.iid} of ${what}`;
    await write({ kind: "update", issue: ref, what: close, changes }, () =>
      ctx.port.updateIssue(project, duplicate.iid, { stateEvent: "close" }),
    );
    const body = ctx.renderer.render("conversation/duplicate", { kept: { iid: kept.iid } });
    const note: WriteRecord = {
      kind: "note",
      issue: ref,
      what: `note duplicate #${duplicate.iid}`,
      text: body,
    };
    await write(note, () => ctx.port.createNote(project, duplicate.iid, body));
  }
}

async function lookUp(ctx: RunContext, username: string): Promise<User | null> {
  const key = username.toLowerCase();
  if (ctx.userCache.has(key)) return ctx.userCache.get(key) ?? null;
  const user = await ctx.port.findUser(username);
  ctx.userCache.set(key, user);
  return user;
}
