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
 * code spans are literal, link and image syntax gives way to its text, strike-through delimiters,
 * HTML tags and the `*`/`_` that pair up as emphasis vanish (a lone one stays, as in `alice_`),
 * a comment keeps its text, character references are decoded.
 */
export function renderedText(source: string): string {
  const parts: (string | Run)[] = [];
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
      const run = (char === "*" ? /^\*+/ : /^_+/).exec(rest)![0];
      parts.push(out, delimiterRun(run, source[at - 1], source[at + run.length]));
      out = "";
      at += run.length;
    } else {
      out += char;
      at += 1;
    }
  }
  return emphasis([...parts, out]).trim();
}

/** A run of `*` or `_`, as CommonMark's delimiter stack holds it. */
interface Run {
  char: string;
  length: number;
  /** Characters not yet used by a pair: they render as themselves. */
  unused: number;
  canOpen: boolean;
  canClose: boolean;
}

function delimiterRun(run: string, before = " ", after = " "): Run {
  const space = (c: string) => /\s/u.test(c);
  const punct = (c: string) => /[\p{P}\p{S}]/u.test(c);
  const leftFlanking = !space(after) && (!punct(after) || space(before) || punct(before));
  const rightFlanking = !space(before) && (!punct(before) || space(after) || punct(after));
  const char = run[0]!;
  return {
    char,
    length: run.length,
    unused: run.length,
    canOpen: char === "*" ? leftFlanking : leftFlanking && (!rightFlanking || punct(before)),
    canClose: char === "*" ? rightFlanking : rightFlanking && (!leftFlanking || punct(after)),
  };
}

/** The spec's "process emphasis": each closer takes the nearest eligible opener; the rest is text. */
function emphasis(parts: (string | Run)[]): string {
  const runs = parts.filter((part): part is Run => typeof part !== "string");
  const removed = new Set<Run>();
  runs.forEach((closer, index) => {
    while (closer.canClose && closer.unused > 0) {
      const opener = runs
        .slice(0, index)
        .reverse()
        .find(
          (run) =>
            !removed.has(run) &&
            run.canOpen &&
            run.unused > 0 &&
            run.char === closer.char &&
            !(
              (run.canClose || closer.canOpen) &&
              (run.length + closer.length) % 3 === 0 &&
              (run.length % 3 !== 0 || closer.length % 3 !== 0)
            ),
        );
      if (!opener) return;
      const used = Math.min(opener.unused, closer.unused, 2);
      opener.unused -= used;
      closer.unused -= used;
      for (const between of runs.slice(runs.indexOf(opener) + 1, index)) removed.add(between);
    }
  });
  return parts.map((part) => (typeof part === "string" ? part : part.char.repeat(part.unused))).join("");
}
