/*
 * The blocks in which GitLab runs no quick action, besides code fences: an HTML block and a `>>>`
 * multi-line quote. GitLab's `Gitlab::QuickActions::Extractor#commands_regex`
 * (lib/gitlab/quick_actions/extractor.rb) matches, at the start of a line and before any command:
 *
 *   HTML block:  ^<[^>]+?>\n .+? \n<\/[^>]+?>$   a line that is one opening tag (`<details>`,
 *                                               `<pre>`), up to the first later line that is one
 *                                               closing tag (any name: `</summary>` closes it too)
 *   quote block: ^>>> .+? \n>>>$                a line starting `>>>`, up to the first later line
 *                                               that is exactly `>>>`
 *
 * Both are lazy (the first closer ends the block) and need a closer: an unclosed `<details>` or
 * `>>>` hides nothing. `.+?` needs one character between opener and closer, so `<pre>` right above
 * `</pre>` (or `>>>` above `>>>`) is no block. Lines here have no line break (GitLab deletes every
 * `\r` first). An opening tag written over several lines is not read as one (GitLab's `[^>]+?`
 * would span them); the bot's templates and people's comments put a tag on one line.
 */

const OPENING_TAG = /^<[^>]+>$/;
const CLOSING_TAG = /^<\/[^>]+>$/;

/**
 * When `lines[start]` opens an HTML or `>>>` block that GitLab skips, the index of its closing line;
 * otherwise undefined. Every line from `start` to that index, both included, is no command.
 */
export function skippedBlockEnd(lines: readonly string[], start: number): number | undefined {
  const first = lines[start] ?? "";
  const html = OPENING_TAG.test(first);
  if (!html && !first.startsWith(">>>")) return undefined;
  for (let end = start + 1; end < lines.length; end += 1) {
    const line = lines[end]!;
    const between = end - start - 1;
    // `.+?` must match something: for a quote, the rest of the `>>>` line and the line breaks after
    // it; for HTML (whose opening "\n" is outside it), the lines between joined by "\n".
    if (
      html
        ? CLOSING_TAG.test(line) && (between >= 2 || (between === 1 && lines[start + 1] !== ""))
        : line === ">>>" && (first.length > 3 || between >= 1)
    )
      return end;
  }
  return undefined;
}
