/**
 * A person's text (an issue title) made safe for one line of a terminal or a CI log: escape
 * sequences (CSI, OSC, and any other ESC-introduced one) and every other control character are
 * removed, so a title can neither recolour, retitle or rewrite the log nor end GitLab's section
 * header early; line breaks and tabs become spaces; bidirectional overrides, which can make a line
 * read differently from what it holds, are removed too. The result is at most `max` characters.
 */
export function terminalSafe(text: string, max = 200): string {
  const clean = text
    // OSC: ESC ] ... (BEL | ESC \), and C1's single-byte OSC.
    .replace(/(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/g, "")
    // CSI: ESC [ (or C1's CSI) parameters, intermediates, final byte.
    .replace(/(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?/g, "")
    // Any other escape: ESC and the one character it introduces.
    .replace(/\u001b[\u0020-\u007e]?/g, "")
    .replace(/[\r\n\t\u2028\u2029\u0085]+/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/ {2,}/g, " ")
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * Text written for GitLab (a problem's description, as the bot would post it) as a terminal shows
 * it: without the zero-width spaces that keep `@alice` from mentioning in GitLab. In a terminal they
 * only get in the way: copying `@alice` would paste an invisible character into the next command.
 */
export function withoutZeroWidth(text: string): string {
  return text.replace(/\u200b|\u200c|\u200d|\u2060|\ufeff/g, "");
}
