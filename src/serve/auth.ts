import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares the `X-Gitlab-Token` header with the secret in constant time. Both sides are hashed
 * first, so the comparison neither leaks the secret's length nor throws on a length mismatch.
 */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string" || given.length === 0) return false;
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(secret));
}
