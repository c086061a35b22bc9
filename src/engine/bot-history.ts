import type { Note } from "../gitlab/port.js";
import { sameUser } from "../gitlab/users.js";
import { commandRecord, noteKey } from "./markers.js";
import type { Snapshot } from "./snapshot.js";
import type { PriorAnswer, Verdict } from "./workflow-state.js";

/** What the bot said on an issue before this run: the memory that makes re-runs no-ops. */
export interface BotHistory {
  /** The bot's own comments (system notes excluded). */
  notes: Note[];
  /** Keys of the notes it posted: a note whose key is here is never posted again. */
  posted: ReadonlySet<string>;
  /** Its replies to commands: `noteId.line` -> verdict and what the command was. */
  priorAnswers: Map<string, PriorAnswer>;
  /** The system note ids of the ticks it refused (its `tick:` replies). */
  refusedTickIds: ReadonlySet<number>;
  /** The id of its latest note, system notes included: every tick before it was judged then. */
  watermark?: number;
}

export function botHistory(snapshot: Snapshot): BotHistory {
  const notes = snapshot.notes.filter((n) => !n.system && sameUser(n.author, snapshot.bot));
  const posted = new Set(notes.flatMap((n) => noteKey(n.body) ?? []));
  return {
    notes,
    posted,
    priorAnswers: priorAnswers(notes),
    refusedTickIds: new Set(
      [...posted].flatMap((key) => {
        const match = /^tick:(\d+)$/.exec(key);
        return match ? [Number(match[1])] : [];
      }),
    ),
    watermark: latestBotWrite(snapshot),
  };
}

/** Earlier answers stand: the verdict is part of the reply's key, the command in its record. */
function priorAnswers(botNotes: Note[]): Map<string, PriorAnswer> {
  const answers = new Map<string, PriorAnswer>();
  for (const note of botNotes) {
    const match = /^reply:(\d+\.\d+):(accepted|refused)$/.exec(noteKey(note.body) ?? "");
    if (!match) continue;
    const record = commandRecord(note.body);
    answers.set(match[1]!, { verdict: match[2] as Verdict, ...(record ? { record } : {}) });
  }
  return answers;
}

/** The bot's latest note on the issue (by id), its own system notes included. */
function latestBotWrite(snapshot: Snapshot): number | undefined {
  const ids = snapshot.notes.filter((n) => sameUser(n.author, snapshot.bot)).map((n) => n.id);
  return ids.length > 0 ? Math.max(...ids) : undefined;
}
