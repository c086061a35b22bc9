/**
 * Every value a person wrote reaches GitLab only through these functions (SPEC section 7):
 * - no line can start with `/`, so GitLab runs no quick action with the bot's rights;
 * - `@` never forms a mention: the bot mentions people only through `mention()`, on usernames
 *   from the data block that it checked;
 * - HTML comments are removed, so no one can forge the bot's markers through the bot's own notes.
 */
const ZWSP = "\u200b";

/** How long a value in a rendered template may be (`sanitize` in render.ts); tick matching cuts alike. */
export const RENDERED_VALUE_LENGTH = 2000;

/** One line of user text, safe to put anywhere in a Markdown line. */
export function safeInline(value: unknown, maxLength = 300): string {
  let text = String(value ?? "");
  text = stripComments(text)
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, `@${ZWSP}`)
    .replace(/`/g, "'")
    .trim();
  if (text.length > maxLength) text = `${text.slice(0, maxLength)}…`;
  // A value that starts a line (a list item's text is not at line start, but a bare value might be).
  return text.startsWith("/") ? `${ZWSP}${text}` : text;
}

/** Removes comment openers: without `<!--` no text can start a comment (or a marker). */
export function stripCommentOpeners(text: string): string {
  let out = text;
  while (out.includes("<!--")) out = out.replace(/<!--/g, "");
  return out;
}

/** Removes HTML comments and any stray comment delimiters. */
export function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(-->|$)/g, "").replace(/-->/g, "");
}

/**
 * Last line of defence over a whole rendered body: any line that would start a quick action is
 * neutralised. Templates never start a line with `/`, so this only ever touches user text that
 * slipped through some future template change.
 */
export function neutraliseQuickActions(body: string): string {
  return body
    .split("\n")
    .map((line) => (/^\s*\//.test(line) ? `${ZWSP}${line}` : line))
    .join("\n");
}

/** A mention of a username the bot has checked. Anything else becomes plain text. */
export function mention(username: string | undefined): string {
  if (!username || !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(username)) return safeInline(username ?? "");
  if (username.toLowerCase() === "all" || username.toLowerCase() === "here") return safeInline(username);
  return `@${username}`;
}
