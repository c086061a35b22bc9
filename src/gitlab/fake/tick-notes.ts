/**
 * The system note GitLab writes when a checklist item is ticked or unticked, in each wording it has
 * used (research/gitlab-platform.md section 5; `SystemNotes::IssuablesService#change_task_status`):
 * - `task`: before 15.3, `marked the task **<source>** as completed` (renamed in place later by the
 *   background migration `RenameTaskSystemNoteToChecklistItem`, but old notes may remain);
 * - `source`: 15.3 to 17.x, `marked the checklist item **<source>** as completed`;
 * - `rendered`: GitLab.com now, the item's rendered text with ASCII punctuation backslash-escaped,
 *   except `:` and `/` (as the notes read on GitLab.com in 2026 leave them).
 * Deliberately its own small renderer, not the bot's parser: a shared mistake would hide itself.
 */
export type TickNoteFormat = "rendered" | "source" | "task";

export const TICK_NOTE_FORMATS: readonly TickNoteFormat[] = ["rendered", "source", "task"];

export function tickNoteBody(format: TickNoteFormat, source: string, checked: boolean): string {
  const state = checked ? "completed" : "incomplete";
  if (format === "task") return `marked the task **${source}** as ${state}`;
  if (format === "source") return `marked the checklist item **${source}** as ${state}`;
  return `marked the checklist item **${escapePunctuation(renderedText(source))}** as ${state}`;
}

const PUNCTUATION = "!\"#$%&'()*+,-.;<=>?@[\\]^_`{|}~";

function escapePunctuation(text: string): string {
  let out = "";
  for (const char of text) out += PUNCTUATION.includes(char) ? `\\${char}` : char;
  return out;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/**
 * The text of an item's inline Markdown as a reader sees it, scanning left to right: escapes and
 * code spans are literal, link and image syntax gives way to its text, emphasis and strike-through
 * delimiters and HTML tags vanish, a comment keeps its text, character references are decoded.
 */
export function renderedText(source: string): string {
  let out = "";
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at);
    const char = source[at]!;
    const escaped = /^\\([!-/:-@[-`{-~])/.exec(rest);
    const code = /^(`+)([\s\S]*?[^`])\1(?!`)/.exec(rest);
    const link = /^!?\[([^\]]*)\]\([^)]*\)/.exec(rest);
    const tag = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/.exec(rest);
    const autolink = /^<([A-Za-z][A-Za-z0-9+.-]+:[^\s<>]*)>/.exec(rest);
    const entity = /^&([A-Za-z]+|#\d+);/.exec(rest);
    if (escaped) {
      out += escaped[1];
      at += 2;
    } else if (code) {
      const body = code[2]!;
      out += body.startsWith(" ") && body.endsWith(" ") && body.trim() ? body.slice(1, -1) : body;
      at += code[0].length;
    } else if (rest.startsWith("<!--")) {
      const end = rest.indexOf("-->");
      out += end < 0 ? rest.slice(4) : rest.slice(4, end);
      at += end < 0 ? rest.length : end + 3;
    } else if (autolink) {
      out += autolink[1];
      at += autolink[0].length;
    } else if (tag) {
      at += tag[0].length;
    } else if (link) {
      out += renderedText(link[1]!);
      at += link[0].length;
    } else if (entity) {
      const name = entity[1]!;
      out += name.startsWith("#")
        ? String.fromCodePoint(Number(name.slice(1)))
        : (ENTITIES[name] ?? entity[0]);
      at += entity[0].length;
    } else if (rest.startsWith("~~")) {
      at += 2;
    } else if (char === "*" || char === "_") {
      const run = /^[*_]+/.exec(rest)![0];
      const before = source[at - 1] ?? " ";
      const after = source[at + run.length] ?? " ";
      const literal =
        (/\s/.test(before) && /\s/.test(after)) ||
        (char === "_" && /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after));
      if (literal) out += run;
      at += run.length;
    } else {
      out += char;
      at += 1;
    }
  }
  return out.trim();
}
