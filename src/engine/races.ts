import type { GitLabPort, Issue, User } from "../gitlab/port.js";
import { sameUser } from "../gitlab/users.js";
import { followUpMarker, noteKey } from "./markers.js";
import type { Write } from "./writer.js";

/*
 * Two runs of the bot acting on one issue at once (no resource_group: an event job and a sweep, or
 * several webhooks for one burst of ticks) both see a note missing and both post it. Keys make this
 * detectable: after posting, the later copy of a key is withdrawn, so the oldest stands. GitLab
 * allocates note and issue ids in creation order, and the later poster's read sees the earlier
 * note, so exactly one run finds itself later. A resource_group makes the race impossible.
 */

/** What finding a racing run's writes needs. */
export interface RaceOptions {
  port: GitLabPort;
  bot: User;
  /**
   * What the plan was decided on: the description (a section equal to what it already holds needs no
   * fresh read) and how many comments the issue had (to notice a racing run's, see `withdrawDuplicates`).
   */
  seen?: { description: string; comments: number };
}

/** A keyed note this run posted. */
export interface PostedNote {
  key: string;
  id: number;
}

/**
 * Deletes the notes this run posted whose key a bot note with a lower id already holds. The notes are
 * listed only when the fresh read shows more comments than the bot saw plus what it posted (someone
 * else commented meanwhile), so a run without company pays no extra request.
 */
export async function withdrawDuplicates(
  plan: { project: number; iid: number },
  posted: PostedNote[],
  fresh: Issue | undefined,
  options: RaceOptions,
  write: Write,
): Promise<void> {
  const { port, bot, seen } = options;
  const issue = fresh ?? (await port.getIssue(plan.project, plan.iid));
  const count = issue.userNotesCount;
  if (seen && count !== undefined && count <= seen.comments + posted.length) return;
  const oldest = new Map<string, number>();
  for (const note of await port.listNotes(plan.project, plan.iid)) {
    if (note.system || !sameUser(note.author, bot)) continue;
    const key = noteKey(note.body);
    if (key !== undefined && note.id < (oldest.get(key) ?? Number.POSITIVE_INFINITY))
      oldest.set(key, note.id);
  }
  for (const mine of posted) {
    const first = oldest.get(mine.key);
    if (first === undefined || first >= mine.id) continue;
    const what = `withdraw duplicate note ${mine.key}`;
    const record = {
      kind: "delete-note",
      issue: `${plan.project}#${plan.iid}`,
      key: mine.key,
      what,
    } as const;
    await write(record, () => port.deleteNote(plan.project, plan.iid, mine.id));
  }
}

/**
 * The follow-up issue carrying this marker that stands: the bot's oldest. Any later one (a racing
 * run's, or one a crashed run left beside it) is closed with a pointer to it and loses the marker;
 * deleting an issue needs the Owner role, which the bot does not have.
 */
export async function canonicalFollowUp(
  plan: { project: number; iid: number },
  token: string,
  options: Pick<RaceOptions, "port" | "bot">,
  write: Write,
): Promise<Issue | undefined> {
  const { port, bot } = options;
  const found = (await port.listIssues(plan.project, { searchInDescription: token, state: "all" }))
    .filter((issue) => issue.author.id === bot.id && issue.description.includes(followUpMarker(token)))
    .sort((a, b) => a.iid - b.iid);
  const [first, ...later] = found;
  for (const duplicate of later) {
    const description = `Opened twice by concurrent runs of career-bot: the follow-up is #${first!.iid}. Nothing to do here.`;
    const what = `withdraw duplicate follow-up #${duplicate.iid}`;
    const changes = { stateEvent: "close" } as const;
    const record = {
      kind: "update",
      issue: `${plan.project}#${duplicate.iid}`,
      what,
      text: description,
      changes,
    } as const;
    await write(record, () =>
      port.updateIssue(plan.project, duplicate.iid, { description, stateEvent: "close" }),
    );
  }
  return first;
}
