import type { GitLabPort } from "../gitlab/port.js";

/** How far ahead a run warns that the bot's token runs out: a month leaves time to rotate it. */
export const TOKEN_WARNING_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * The warning for a token that expires within TOKEN_WARNING_DAYS of `nowMs`, else undefined. GitLab
 * ends a token at the start (00:00 UTC) of its `expires_at` day; the most common way a bot dies is
 * a project access token reaching that day unnoticed.
 */
export function tokenExpiryWarning(expiresAt: string | null | undefined, nowMs: number): string | undefined {
  if (!expiresAt) return undefined;
  const endMs = Date.parse(`${expiresAt}T00:00:00Z`);
  if (Number.isNaN(endMs)) return undefined;
  const days = Math.ceil((endMs - nowMs) / DAY_MS);
  if (days > TOKEN_WARNING_DAYS) return undefined;
  const when = days <= 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`;
  return (
    `warning: the bot's token expires on ${expiresAt} (${when}), and the bot stops working then: ` +
    "create a new token with the same role and scope (or rotate this one) and store it as the CI/CD variable CAREER_BOT_TOKEN"
  );
}

/**
 * Asks GitLab when the bot's token expires and returns the warning, if any. Never fails the run: a
 * token GitLab does not describe, or an error on this one request, means no warning.
 */
export async function tokenExpiryNotice(port: GitLabPort, nowMs: number): Promise<string | undefined> {
  try {
    return tokenExpiryWarning(await port.tokenExpiresAt(), nowMs);
  } catch {
    return undefined;
  }
}
