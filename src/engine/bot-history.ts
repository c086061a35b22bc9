import type { Note } from "../gitlab/port.js";
import { sameUser } from "../gitlab/users.js";
import { commandRecord, noteKey } from "./markers.js";
import { type PeopleRecord, parsePeopleRecord, startingRecord } from "./people-record.js";
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
  /**
   * The system note ids of the ticks it refused (its `tick:` replies): a tick is answered once,
   * by its own identity, not by when the bot last wrote (a tick made while the data block was
   * invalid, or during a run, is judged by the next run).
   */
  refusedTickIds: ReadonlySet<number>;
  /** The people recorded when the workflow started (its `people:record` note), if it has started. */
  peopleRecord?: PeopleRecord;
}

export function botHistory(snapshot: Snapshot): BotHistory {
  const notes = snapshot.notes.filter((n) => !n.system && sameUser(n.author, snapshot.bot));
  const posted = new Set(notes.flatMap((n) => noteKey(n.body) ?? []));
  return {
    notes,
    posted,
    priorAnswers: priorAnswers(notes),
    refusedTickIds: new Set([...posted].flatMap(refusedTicksOf)),
    ...peopleOnRecord(snapshot),
  };
}

/** Earlier answers stand: the verdict is part of the reply's key, the command in its record. */
function priorAnswers(botNotes: Note[]): Map<string, PriorAnswer> {
  const answers = new Map<string, PriorAnswer>();
  for (const note of botNotes) {
    const match = /^reply:(\d+\.\d+):(accepted|refused)$/.exec(noteKey(note.body) ?? "");
    if (!match) continue;
    const record = commandRecord(note.body);
    const people = parsePeopleRecord(note.body);
    answers.set(match[1]!, {
      verdict: match[2] as Verdict,
      ...(record ? { record } : {}),
      ...(people ? { people } : {}),
    });
  }
  return answers;
}

/** The tick ids one `tick:` reply answers: `tick:12` or, for one person's ticks of one edit, `tick:12.13.14`. */
function refusedTicksOf(key: string): number[] {
  const match = /^tick:(\d+(?:\.\d+)*)$/.exec(key);
  return match ? match[1]!.split(".").map(Number) : [];
}

function peopleOnRecord(snapshot: Snapshot): { peopleRecord?: PeopleRecord } {
  const record = startingRecord(snapshot.notes, snapshot.bot);
  return record ? { peopleRecord: record } : {};
}
