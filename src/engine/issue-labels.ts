import type { Action } from "./actions.js";

export const STAGE_PREFIX = "career-stage::";
export const OUTCOME_PREFIX = "career-outcome::";
export const NEEDS_INFO = "career-status::needs-info";
export const OVERDUE = "career-status::overdue";

/** Labels to add and remove so the issue carries exactly the workflow-owned labels it should. */
export function labelActions(current: string[], desired: string[], owned: string[]): Action[] {
  const add = desired.filter((l) => !current.includes(l));
  const remove = current.filter(
    (l) =>
      !desired.includes(l) &&
      (l.startsWith(STAGE_PREFIX) || l.startsWith(OUTCOME_PREFIX) || owned.includes(l)),
  );
  return add.length > 0 || remove.length > 0 ? [{ kind: "labels", add, remove }] : [];
}
