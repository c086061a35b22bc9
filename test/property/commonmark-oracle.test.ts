import { HtmlRenderer, type Node, Parser } from "commonmark";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCommandLines } from "../../src/engine/command-parse.js";
import { canonicalItemText, parseTickNote } from "../../src/engine/tick-text.js";

/*
 * The bot's reading of Markdown against a CommonMark implementation (commonmark.js, the spec's
 * reference) on random input, not hand-picked rows only:
 * - a checklist item's text: GitLab's tick note quotes the item as rendered, with ASCII punctuation
 *   backslash-escaped (research/gitlab-platform.md section 5); the bot must read the same text from
 *   the note as from the item's source;
 * - `/career` lines: a command is a line of a paragraph, never of a fenced code block.
 */

void HtmlRenderer; // the parser alone is the oracle; nothing is rendered to HTML
const parser = new Parser();

/** The text a reader sees in one paragraph of inline Markdown, whitespace collapsed. */
function renderedText(source: string): string {
  const walker = parser.parse(source).walker();
  let text = "";
  for (let step = walker.next(); step; step = walker.next()) {
    if (!step.entering) continue;
    const node: Node = step.node;
    if (node.type === "text" || node.type === "code") text += node.literal ?? "";
    else if (node.type === "softbreak" || node.type === "linebreak") text += " ";
  }
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** GitLab.com's tick note: the rendered item with its ASCII punctuation backslash-escaped. */
function gitlabTickNote(rendered: string): string {
  const escaped = rendered.replace(/[!-/:-@[-`{-~]/g, (char) => `\\${char}`);
  return `marked the checklist item **${escaped}** as completed`;
}

/** Pieces of item text where the bot's reading and CommonMark's could part. */
const PIECES = [
  "a",
  "foo",
  "bar",
  "1",
  " ",
  "  ",
  "*",
  "**",
  "***",
  "_",
  "__",
  "`",
  "``",
  " `",
  "` ",
  "(",
  ")",
  "-",
  "'",
  "!",
  ".",
  "\\",
  "\\*",
  "\\_",
  "&#X41;",
  "&#x41;",
  "&#65;",
  "&amp;",
  "&lt;",
];

const itemSource = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join("").trim())
  // A leading marker would make it another block (a list, a heading): not an item's text.
  .filter((text) => text.length > 0 && !/^([-*_+]|\d+[.)]|#|>)/.test(text) && !/\\$/.test(text));

describe("tick text against CommonMark", () => {
  it("reads from GitLab's tick note the item text CommonMark renders, and the same from the source", () => {
    fc.assert(
      fc.property(itemSource, (source) => {
        const rendered = renderedText(source);
        fc.pre(rendered.length > 0);
        expect(canonicalItemText(source)).toBe(rendered);
        expect(parseTickNote(gitlabTickNote(rendered))?.item).toBe(rendered);
      }),
      { numRuns: 3000, seed: 18 },
    );
  });

  it("reads an escaped backtick as a backtick, not the start of a code span", () => {
    expect(parseTickNote(gitlabTickNote("``a"))?.item).toBe("``a");
    expect(canonicalItemText("\\``a`")).toBe(renderedText("\\``a`"));
  });

  it.each([
    ["a code span with one space of padding on each side is trimmed", "x ` a ` y"],
    ["left-flanking with punctuation on both sides", "*(a)*"],
    ["intraword _ neither opens nor closes", "_foo_bar_"],
    ["the rule of three", "*a**b*"],
    ["an upper-case hex reference", "&#X41;b"],
    ["a backtick run never splits", "``a`"],
  ])("%s (%s)", (_, source) => {
    expect(canonicalItemText(source)).toBe(renderedText(source));
  });
});

/** The lines of a body that CommonMark puts in paragraphs (1-based), not in code blocks. */
function paragraphLines(body: string): Set<number> {
  const lines = new Set<number>();
  const walker = parser.parse(body).walker();
  for (let step = walker.next(); step; step = walker.next()) {
    if (!step.entering || step.node.type !== "paragraph") continue;
    const [[from], [to]] = step.node.sourcepos;
    for (let line = from; line <= to; line += 1) lines.add(line);
  }
  return lines;
}

const LINES = [
  "/career status",
  "/career approve",
  "\u200b/career status",
  "text",
  "",
  "```",
  "````",
  "~~~",
  "```js",
  " ```",
  "   ~~~",
  "\u200b```",
  "\u2060~~~",
  "``` ",
];

describe("command lines against CommonMark", () => {
  it("finds a /career line exactly where CommonMark has a paragraph line, never in a code block", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 14 }), (lines) => {
        const body = lines.join("\n");
        const inParagraph = paragraphLines(body);
        const expected = lines
          .map((line, index) => ({ line: line.replace(/[\u200b\u2060]/g, ""), number: index + 1 }))
          .filter(({ line, number }) => inParagraph.has(number) && /^\/career(\s|$)/.test(line))
          .map(({ line }) => line.split(" ")[1]);
        expect(parseCommandLines(body).map((command) => command.verb)).toEqual(expected);
      }),
      { numRuns: 3000, seed: 18 },
    );
  });

  it("a zero-width character before an opening fence does not open it", () => {
    const body = "\u200b```\n/career status\n```";
    expect(paragraphLines(body).has(2)).toBe(true);
    expect(parseCommandLines(body).map((c) => c.verb)).toEqual(["status"]);
  });
});
