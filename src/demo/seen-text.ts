/**
 * Markdown as a person reading the issue sees it, for the demo's terminal timeline: a backslash
 * before ASCII punctuation is an escape GitLab does not show (`remote\-only` reads `remote-only`;
 * CommonMark, "Backslash escapes"), and `**strong**` shows as the words alone. Code spans keep
 * their text as written, as CommonMark renders them.
 */
export function seenText(markdown: string): string {
  return markdown
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : unescaped(part)))
    .join("");
}

function unescaped(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, "$1").replace(/\\([!-/:-@[-`{-~])/g, "$1");
}
