import type { Note } from "../gitlab/port.js";
import { findSection } from "./markers.js";
import { parseTickNote } from "./tick-text.js";

/** A tick or untick of a checklist item, as GitLab's system note records it. */
export interface TickEvent {
  noteId: number;
  /** The item's canonical text (`canonicalItemText`): compare it only with canonical texts. */
  item: string;
  completed: boolean;
  by: string;
  at: string;
}

/** The bot appends "· who ticks: ..." and "· ticked by x" to an item; GitLab quotes the whole line, so cut them off. */
export const ANNOTATION_SEPARATOR = " · ";

export function itemText(line: string): string {
  const cut = line.indexOf(ANNOTATION_SEPARATOR);
  return (cut >= 0 ? line.slice(0, cut) : line).trim();
}

/** Tick events from system notes (the only place GitLab says who ticked). */
export function tickEvents(notes: Note[]): TickEvent[] {
  const events: TickEvent[] = [];
  for (const note of notes) {
    if (!note.system) continue;
    const tick = parseTickNote(note.body);
    if (!tick) continue;
    events.push({
      noteId: note.id,
      item: tick.item,
      completed: tick.completed,
      by: note.author.username,
      at: note.createdAt,
    });
  }
  return events;
}

const CHECKBOX = /^(\s*[-*+] \[)([ xX~])(\] )(.*)$/;

/** The marks of the items in the bot's section of a description now (item text -> " ", "x" or "~"). */
export function sectionTicks(description: string): Map<string, string> {
  const ticks = new Map<string, string>();
  const bounds = findSection(description);
  if (!bounds) return ticks;
  for (const line of description.slice(bounds.start, bounds.end).split("\n")) {
    const match = CHECKBOX.exec(line);
    if (match) ticks.set(itemText(match[4] ?? ""), match[2] === "X" ? "x" : (match[2] ?? " "));
  }
  return ticks;
}

/**
 * Carries fresh ticks into a newly rendered section: an item ticked in the description as it is
 * now stays ticked, whatever the bot read a moment earlier (a description PUT has no lock).
 */
export function carryTicks(rendered: string, fresh: Map<string, string>): string {
  return rendered
    .split("\n")
    .map((line) => {
      const match = CHECKBOX.exec(line);
      if (!match) return line;
      const mark = fresh.get(itemText(match[4] ?? ""));
      if (mark === undefined) return line;
      return `${match[1]}${mark}${match[3]}${match[4]}`;
    })
    .join("\n");
}
