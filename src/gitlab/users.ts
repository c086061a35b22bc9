import type { User } from "./port.js";

/** Whether two user records are the same person (ids, else usernames, which GitLab compares case-insensitively). */
export function sameUser(a: User, b: User): boolean {
  return a.id === b.id || a.username.toLowerCase() === b.username.toLowerCase();
}
