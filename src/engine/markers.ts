/**
 * The bot's markers: HTML comments that GitLab does not render. They count only in text the bot
 * itself wrote (notes authored by the bot user; the bot's own description section), and user text
 * that passes through the bot loses its HTML comments, so they cannot be forged through the bot.
 */
export const SECTION_BEGIN = "<!-- career-bot:section:begin (edits inside this section are overwritten) -->";
export const SECTION_END = "<!-- career-bot:section:end -->";

const KEY_CHARS = /^[A-Za-z0-9:._@#=-]+$/;

export function noteMarker(key: string): string {
  if (!KEY_CHARS.test(key)) throw new Error(`invalid note key ${JSON.stringify(key)}`);
  return `<!-- career-bot:note key=${key} -->`;
}

/** The key of a bot note, or undefined. Only call this on notes authored by the bot user. */
export function noteKey(body: string): string | undefined {
  return /<!-- career-bot:note key=([A-Za-z0-9:._@#=-]+) -->/.exec(body)?.[1];
}

const FOLLOW_UP_PREFIX = "career-bot-followup-";

/** Marker of a follow-up issue: a searchable token that names the parent issue and the key. */
export function followUpToken(projectId: number, parentIid: number, key: string): string {
  return `${FOLLOW_UP_PREFIX}${projectId}-${parentIid}-${key}`;
}

/** Whether a description carries a follow-up marker. Only trust it on issues the bot opened. */
export function hasFollowUpMarker(description: string): boolean {
  return description.includes(`<!-- ${FOLLOW_UP_PREFIX}`);
}

export function followUpMarker(token: string): string {
  return `<!-- ${token} -->`;
}

export interface SectionBounds {
  start: number;
  end: number;
}

/* The opening line of a person's data block. The bot never writes one, so a region holding it is not the bot's. */
const DATA_FENCE = /^(```|~~~)[ \t]*yaml[ \t]+career/m;

/**
 * Where the bot's section sits in a description: the first begin marker and the first end after it,
 * skipping any such region that holds a data block. Anyone can type the markers into a description;
 * markers wrapped around a person's block must not make the bot hide it or write over it.
 */
export function findSection(description: string): SectionBounds | undefined {
  for (let start = description.indexOf(SECTION_BEGIN); start >= 0; ) {
    const endMarker = description.indexOf(SECTION_END, start);
    if (endMarker < 0) return undefined;
    const end = endMarker + SECTION_END.length;
    if (!DATA_FENCE.test(description.slice(start, end))) return { start, end };
    start = description.indexOf(SECTION_BEGIN, start + SECTION_BEGIN.length);
  }
  return undefined;
}

/** The description without the bot's section: the part people own. */
export function humanPart(description: string): string {
  const bounds = findSection(description);
  if (!bounds) return description;
  return description.slice(0, bounds.start) + description.slice(bounds.end);
}

/**
 * What the bot understood of an answered command, kept in its reply: who wrote it, when, the verb
 * and the checked arguments. Later edits or deletions of the person's comment cannot rewrite a
 * decision the bot already confirmed. Base64url, so no text of the person's reaches the marker raw.
 */
export interface CommandRecord {
  at: string;
  author: string;
  verb: string;
  args: string[];
}

export function commandRecordMarker(record: CommandRecord): string {
  return `<!-- career-bot:command ${Buffer.from(JSON.stringify(record)).toString("base64url")} -->`;
}

/** The record in a bot reply, or undefined. Only call this on notes authored by the bot user. */
export function commandRecord(body: string): CommandRecord | undefined {
  const match = /<!-- career-bot:command ([A-Za-z0-9_-]+) -->/.exec(body);
  if (!match) return undefined;
  try {
    const value = JSON.parse(Buffer.from(match[1]!, "base64url").toString("utf8")) as Partial<CommandRecord>;
    if (typeof value.at !== "string" || typeof value.author !== "string" || typeof value.verb !== "string")
      return undefined;
    if (!Array.isArray(value.args) || !value.args.every((a) => typeof a === "string")) return undefined;
    return { at: value.at, author: value.author, verb: value.verb, args: value.args };
  } catch {
    return undefined;
  }
}
