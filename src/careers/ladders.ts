/**
 * Lookups over the career ladders (data in ladder-data.ts). The promotion workflow uses them to check
 * that `target_role` is a next role of `current_role`, and to list the valid next roles when it is not.
 */
import type { Basis, Department, Role } from "./ladder-data.js";
import { type LadderRole, type Ladders, PAGE_DEPARTMENTS, PAGE_LADDERS } from "./ladder-set.js";

export type { Basis, Department, LadderEdge, Role, RoleId } from "./ladder-data.js";
export { edges, roles, seniorOptionalEdges } from "./ladder-data.js";
export type { LadderMove, LadderRole, Ladders } from "./ladder-set.js";
export { laddersOf, PAGE_LADDERS } from "./ladder-set.js";

/** In the seed's order, for error messages such as "department must be one of ...". */
export const DEPARTMENTS = PAGE_DEPARTMENTS as readonly Department[];

export interface NextRole {
  readonly role: LadderRole;
  readonly basis: Basis;
}

/**
 * People type role names into a YAML block: ignore case and runs of whitespace, including the
 * whitespace people put around the seed's commas and id colons ("Senior Manager ,Engineering").
 */
function normalize(text: string): string {
  return (
    text
      .trim()
      .replace(/\s+/g, " ")
      .replace(/\s*([:,])\s*/g, "$1")
      .toLowerCase()
      // People write "Sr. Backend Engineer" and "Sr Mgr"; the handbook spells them out.
      .replace(/\bsr\b\.?/g, "senior")
      .replace(/\bmgr\b\.?/g, "manager")
  );
}

/** The node id the seed's mermaid uses for this role (differs from `id` only for infra:sbe). */
export function graphIdOf(role: Role | LadderRole): string {
  return role.graphId ?? role.id;
}

/**
 * Every role that the text names. An id is unique, so an id match returns that role alone. A display
 * name can belong to several departments ("Senior Backend Engineer" is in Development and
 * Infrastructure), and so can a seed node id ("eng:sbe"): those return every match, in seed order, so
 * the caller can ask which department is meant.
 */
export function findRoles(
  nameOrId: string,
  department?: string,
  ladders: Ladders = PAGE_LADDERS,
): LadderRole[] {
  const key = normalize(nameOrId);
  if (key === "") return [];
  const pool =
    department === undefined ? ladders.roles : ladders.roles.filter((role) => role.department === department);
  const byExactId = pool.find((role) => normalize(role.id) === key);
  if (byExactId !== undefined) return [byExactId];
  return pool.filter((role) => normalize(graphIdOf(role)) === key || normalize(role.name) === key);
}

/**
 * The role the text names, or undefined. When a name is shared across departments this is the first
 * in seed order (Development before Infrastructure); pass `department`, or use findRoles, to choose.
 */
export function findRole(
  nameOrId: string,
  department?: string,
  ladders: Ladders = PAGE_LADDERS,
): LadderRole | undefined {
  return findRoles(nameOrId, department, ladders)[0];
}

/** A string stands for every role it names (see findRoles); a Role stands for itself. */
function resolve(role: LadderRole | string, ladders: Ladders): LadderRole[] {
  return typeof role === "string" ? findRoles(role, undefined, ladders) : [role];
}

/**
 * The roles one step up the ladder, each with the basis the promotion needs: the graphs' steps, and for
 * roles other than Engineer the step past Senior to the manager role (seniorOptionalEdges).
 */
export function nextRoles(role: LadderRole | string, ladders: Ladders = PAGE_LADDERS): NextRole[] {
  const fromIds = new Set(resolve(role, ladders).map((r) => r.id));
  const byId = new Map(ladders.roles.map((r) => [r.id, r]));
  return ladders.moves
    .filter((move) => fromIds.has(move.from) && byId.has(move.to))
    .map((move) => ({ role: byId.get(move.to)!, basis: move.basis }));
}

/** The roles one step down the ladder: the roles whose next roles include this one. */
export function previousRoles(role: LadderRole, ladders: Ladders = PAGE_LADDERS): NextRole[] {
  const byId = new Map(ladders.roles.map((r) => [r.id, r]));
  return ladders.moves
    .filter((move) => move.to === role.id && byId.has(move.from))
    .map((move) => ({ role: byId.get(move.from)!, basis: move.basis }));
}

/**
 * The basis of a promotion from `from` to `to`, or undefined when the ladders have no such step.
 * With names shared across departments, a step in any one department's ladder counts.
 */
export function promotionBasis(
  from: LadderRole | string,
  to: LadderRole | string,
  ladders: Ladders = PAGE_LADDERS,
): Basis | undefined {
  const toIds = new Set(resolve(to, ladders).map((r) => r.id));
  return nextRoles(from, ladders).find((next) => toIds.has(next.role.id))?.basis;
}

export function isNextRole(
  from: LadderRole | string,
  to: LadderRole | string,
  ladders: Ladders = PAGE_LADDERS,
): boolean {
  return promotionBasis(from, to, ladders) !== undefined;
}
