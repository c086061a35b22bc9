import type { Action, TemplateData } from "./actions.js";
import type { BotHistory } from "./bot-history.js";
import type { CommandRecord } from "./markers.js";
import type { PeopleRecord } from "./people-record.js";
import type { Snapshot } from "./snapshot.js";

/** A keyed note a step of `decide` wants on the issue; posted only if its key is new. */
export interface NoteDraft {
  key: string;
  template: string;
  data: TemplateData;
  mentions: string[];
  record?: CommandRecord;
  /** People the note puts on record (the starting record, an accepted confirmation). */
  people?: PeopleRecord;
}

/** The drafts whose key the bot has not posted yet, as note actions, in the drafts' order. */
export function newNotes(drafts: NoteDraft[], history: BotHistory, snapshot: Snapshot): Action[] {
  const internalNotes = new Set(snapshot.notes.filter((n) => n.internal).map((n) => n.id));
  return drafts
    .filter((draft) => !history.posted.has(draft.key))
    .map(({ key, template, data, mentions, record, people }) => {
      // A reply quotes the command: when the command was an internal comment, so is the reply.
      const replyTo = /^reply:(\d+)\./.exec(key)?.[1];
      const internal = replyTo !== undefined && internalNotes.has(Number(replyTo));
      return {
        kind: "note" as const,
        key,
        template,
        data,
        mentions,
        ...(record ? { record } : {}),
        ...(people ? { people } : {}),
        ...(internal ? { internal } : {}),
      };
    });
}

/** A short stable hash for keys: the same text never gets a second comment. */
export function textHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(36);
}
