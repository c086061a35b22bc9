import { safeInline } from "../engine/safe-text.js";

/*
 * Every text a person wrote (titles, usernames, data-block values) reaches the dashboard through
 * these: `safeInline` (no quick action, no mention, no comment, one line), plus what tables need.
 */

/** A table cell: safe text with `|` escaped, so a title cannot add a column. */
export function cell(value: unknown, maxLength = 120): string {
  return safeInline(value, maxLength).replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
}

/** A username as plain text: without `@`, so the dashboard mentions nobody. */
export function person(username: string | undefined): string {
  if (!username) return "";
  return cell(username.replace(/@/g, ""), 60);
}

export function people(usernames: readonly string[]): string {
  return usernames.length > 0 ? usernames.map(person).join(", ") : "nobody named";
}

/** A link to an issue: its web URL when it is a plain http(s) URL, else `#iid`. */
export function issueLink(issue: { iid: number; webUrl: string }): string {
  return /^https?:\/\/[^\s()<>[\]|`]+$/.test(issue.webUrl)
    ? `[#${issue.iid}](${issue.webUrl})`
    : `#${issue.iid}`;
}

/** The line that says what a truncated list left out. */
export function andMore(count: number): string[] {
  return count > 0 ? [`_and ${count} more_`] : [];
}
