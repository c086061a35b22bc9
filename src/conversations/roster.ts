import type { Config } from "../config/schema.js";
import { addDays, dayOf, quarterOf } from "../engine/dates.js";
import { followUpMarker } from "../engine/markers.js";
import { textContext } from "../engine/text-context.js";
import { issueRef, type WriteRecord } from "../engine/write-record.js";
import { budgetedWriter, type Write } from "../engine/writer.js";
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
 * (closed ones count, so a finished quarter is never reopened); after creating, the bot lists again
 * and closes any newer duplicate, keeping the oldest, which every sweep agrees on.
 *
 * The quarter's issues are found with one listing of the bot's own issues per sweep (two when it
 * created some), not a search per manager: GitLab throttles the issue list's `search` parameter per
 * user (`search_rate_limit`, 30 a minute by default), so a roster of 30 managers would hit it. By
 * author, not by label: an issue whose label someone removed is still this quarter's issue.
 */
export async function ensureConversationIssues(ctx: RunContext, project: ProjectRef): Promise<WriteRecord[]> {
  const writes: WriteRecord[] = [];
  const write = budgetedWriter(ctx, writes);
  const quarter = quarterOf(dayOf(ctx.now, ctx.config.timezone));
  const roster = ctx.config.conversations.roster;
  if (roster.length === 0) return writes;
  const listed = await quarterIssues(ctx, project, quarter);
  const created: string[] = [];
  for (const entry of roster) {
    const token = conversationToken(entry.manager, quarter.id);
    const existing = marked(ctx, listed, token);
    if (existing.length > 0) {
      // A run that died between creating and de-duplicating left its duplicates to this one.
      await closeDuplicates(ctx, project, existing, issueName(entry, quarter), write);
    } else if (await createOne(ctx, project, entry, quarter, write)) {
      created.push(entry.manager);
    }
  }
  if (created.length === 0 || ctx.dryRun) return writes;
  // Listed again rather than trusting what was created: an overlapping sweep may have made one first.
  const after = await quarterIssues(ctx, project, quarter);
  for (const entry of roster.filter((e) => created.includes(e.manager))) {
    const token = conversationToken(entry.manager, quarter.id);
    await closeDuplicates(ctx, project, marked(ctx, after, token), issueName(entry, quarter), write);
  }
  return writes;
}

function issueName(entry: Entry, quarter: Quarter): string {
  return `conversation issue for ${entry.manager} (${quarter.id})`;
}

/** Creates one manager's issue; false when the manager is not a GitLab user. */
async function createOne(
  ctx: RunContext,
  project: ProjectRef,
  entry: Entry,
  quarter: Quarter,
  write: Write,
): Promise<boolean> {
  const manager = await lookUp(ctx, entry.manager);
  if (!manager) {
    ctx.reporter.info(
      `conversations: roster manager ${entry.manager} is not a GitLab user; no issue for ${quarter.id}`,
    );
    return false;
  }
  const token = conversationToken(entry.manager, quarter.id);
  const data = {
    manager: entry.manager,
    reports: entry.reports,
    quarter: quarter.id,
    quarter_label: quarter.label,
    ...textContext(ctx.config, "conversation"),
  };
  const title = ctx.renderer.render("conversation/issue-title", data).split("\n")[0]!.slice(0, 250);
  const description = `${ctx.renderer.render("conversation/issue", data)}\n\n${followUpMarker(token)}`;
  const record: WriteRecord = {
    kind: "issue",
    issue: issueRef(project),
    key: token,
    what: `create ${issueName(entry, quarter)}`,
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
  return true;
}

/**
 * The bot's issues that can be this quarter's conversation issues, open or closed, every page: an
 * issue created this quarter was updated this quarter too. A day of margin covers any time zone.
 */
async function quarterIssues(ctx: RunContext, project: ProjectRef, quarter: Quarter): Promise<Issue[]> {
  return ctx.port.listIssues(project, {
    authorId: ctx.bot.id,
    state: "all",
    updatedAfter: `${addDays(quarter.firstDay, -1)}T00:00:00Z`,
  });
}

/** The bot's issues carrying the marker, oldest first. */
function marked(ctx: RunContext, issues: Issue[], token: string): Issue[] {
  return issues
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
