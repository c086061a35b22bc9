/**
 * How a tick note names its item, reduced to a form every GitLab version agrees on.
 *
 * GitLab has written three wordings (research/gitlab-platform.md section 5):
 * - before 15.3: `marked the task **<item source>** as completed`;
 * - 15.3 to 17.x: `marked the checklist item **<item source>** as completed|incomplete`;
 * - GitLab.com now: the item's rendered text, ASCII punctuation backslash-escaped
 *   (`**Weekly 1\-1s \(host manager\'s\)**`), link/emphasis/code syntax gone, an HTML comment's text kept.
 * Both the note's text and the workflow's item go through `canonicalItemText`, and they must then be
 * equal: never a prefix or a loose resemblance, since a tick moves a person's career workflow.
 */

import { RENDERED_VALUE_LENGTH, safeInline } from "./safe-text.js";

/** CommonMark's escapable characters: all ASCII punctuation. */
const ESCAPABLE = /^[!-/:-@[-`{-~]$/;
const TICK_NOTE = /^marked the (?:task|checklist item) \*\*([\s\S]*)\*\* as (completed|incomplete)$/;
/**
 * What the section appends to an item (templates/section.hbs: who may tick it, then who ticked it);
 * GitLab quotes the whole line. Issues written before items named their tickers carry only the
 * "ticked by" part.
 */
const ANNOTATION = / · (?:who ticks: .*|ticked by \S+?(?:, which does not count)?)$/;
/** Stands in for text already final (escaped characters, code), so later steps leave it alone. */
const HOLD = "\u0000";

export interface ParsedTickNote {
  /** The item's canonical text (`canonicalItemText`), annotation removed. */
  item: string;
  completed: boolean;
}

/** The item and state of a tick note in any of GitLab's wordings, or null for any other note. */
export function parseTickNote(body: string): ParsedTickNote | null {
  const match = TICK_NOTE.exec(body.trim());
  if (!match) return null;
  return {
    item: canonicalItemText(match[1] ?? "").replace(ANNOTATION, ""),
    completed: match[2] === "completed",
  };
}

/**
 * The text a reader sees, whitespace collapsed: escapes undone, inline markup (links, images,
 * emphasis, strike-through, code, tags) dropped, comment delimiters dropped with their text kept,
 * character references decoded, zero-width spaces (the bot's quick-action guard) removed.
 */
export function canonicalItemText(text: string): string {
  const held: string[] = [];
  const hold = (value: string) => {
    held.push(value);
    return `${HOLD}${held.length - 1}${HOLD}`;
  };
  let out = holdCodeAndEscapes(text.replace(/[\u0000\u200b]/g, ""), hold);
  out = out
    .replace(/<!--|-->/g, " ")
    .replace(/<((?:[A-Za-z][A-Za-z0-9+.-]{1,31}:|[^\s<>@]+@)[^\s<>]*)>/g, "$1")
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, "")
    .replace(/!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g, "$1")
    .replace(/~~/g, "");
  out = stripEmphasis(out);
  out = decodeReferences(out);
  out = out.replace(new RegExp(`${HOLD}(\\d+)${HOLD}`, "g"), (_, index: string) => held[Number(index)]!);
  return out.replace(/[\s\u00a0]+/g, " ").trim();
}

/**
 * Code spans and backslash escapes, left to right as CommonMark reads them: an escaped backtick
 * opens no code span, backslashes inside a code span are literal, and a code span is a backtick run
 * closed by the next run of the same length (a run never splits). Both become held, final text.
 */
function holdCodeAndEscapes(text: string, hold: (value: string) => string): string {
  let out = "";
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (char === "\\" && ESCAPABLE.test(text[at + 1] ?? "")) {
      out += hold(text[at + 1]!);
      at += 2;
      continue;
    }
    if (char !== "`") {
      out += char;
      at += 1;
      continue;
    }
    const run = /^`+/.exec(text.slice(at))![0];
    const close = closingRun(text, at + run.length, run.length);
    if (close === undefined) {
      out += run;
      at += run.length;
      continue;
    }
    const code = text.slice(at + run.length, close).replace(/\r?\n/g, " ");
    out += hold(/^ [\s\S]* $/.test(code) && code.trim() ? code.slice(1, -1) : code);
    at = close + run.length;
  }
  return out;
}

/** Where the next backtick run of exactly `length` starts, from `from` on. */
function closingRun(text: string, from: number, length: number): number | undefined {
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let found = runs.exec(text); found; found = runs.exec(text)) {
    if (found[0].length === length) return found.index;
  }
  return undefined;
}

/**
 * Drops the `*` and `_` that CommonMark renders as emphasis, and keeps the rest literal
 * (`alice_`, `a * b`, `**unclosed`, `snake_case`): delimiter runs that can open or close by the
 * flanking rules pair up, nearest opener first, as the spec's "process emphasis" does.
 * A held value (an escaped character or a code span) is punctuation to its neighbours.
 */
function stripEmphasis(text: string): string {
  const kind = (char: string | undefined) =>
    char === undefined || /\s/u.test(char)
      ? "space"
      : char === HOLD || /[\p{P}\p{S}]/u.test(char)
        ? "punct"
        : "word";
  const runs = [...text.matchAll(/\*+|_+/g)].map((found) => {
    const before = kind(text[found.index - 1]);
    const after = kind(text[found.index + found[0].length]);
    const left = after !== "space" && (after !== "punct" || before !== "word");
    const right = before !== "space" && (before !== "punct" || after !== "word");
    const star = found[0][0] === "*";
    return {
      at: found.index,
      run: found[0],
      unpaired: found[0].length,
      open: left && (star || !right || before === "punct"),
      close: right && (star || !left || after === "punct"),
    };
  });
  pairDelimiters(runs);
  let out = "";
  let at = 0;
  for (const run of runs) {
    out += text.slice(at, run.at) + run.run.slice(0, run.unpaired);
    at = run.at + run.run.length;
  }
  return out + text.slice(at);
}

interface DelimiterRun {
  run: string;
  /** How many of its characters are still unpaired, and so literal. */
  unpaired: number;
  open: boolean;
  close: boolean;
}

/** CommonMark's pairing of delimiter runs, counting down `unpaired` by what each pair uses. */
function pairDelimiters(runs: DelimiterRun[]): void {
  const stack = [...runs];
  for (let c = 0; c < stack.length; c++) {
    const closer = stack[c]!;
    if (!closer.close) continue;
    while (closer.unpaired > 0) {
      let o = c - 1;
      for (; o >= 0; o--) {
        const opener = stack[o]!;
        const sum = opener.run.length + closer.run.length;
        const ruleOfThree =
          (opener.close || closer.open) &&
          sum % 3 === 0 &&
          !(opener.run.length % 3 === 0 && closer.run.length % 3 === 0);
        if (opener.open && opener.unpaired > 0 && opener.run[0] === closer.run[0] && !ruleOfThree) break;
      }
      if (o < 0) break;
      const opener = stack[o]!;
      const used = opener.unpaired >= 2 && closer.unpaired >= 2 ? 2 : 1;
      opener.unpaired -= used;
      closer.unpaired -= used;
      // Delimiters between a pair can no longer pair: they stay literal.
      stack.splice(o + 1, c - o - 1);
      c = o + 1;
    }
  }
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: " " };

function decodeReferences(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]+);/g, (found, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
    }
    return NAMED[ref] ?? found;
  });
}

/**
 * The canonical text of a workflow item as the bot's section writes it: rendering makes every
 * value safe first (`safeInline`: `<` as `&lt;`, a zero-width space after `@`, backticks as `'`),
 * and that line, not the workflow's string, is what GitLab's note quotes.
 */
export function sectionItemKey(text: string): string {
  return canonicalItemText(safeInline(text, RENDERED_VALUE_LENGTH));
}
