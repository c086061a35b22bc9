/**
 * Lookups over the career ladders (data in ladder-data.ts). The promotion workflow uses them to check
 * that `target_role` is a next role of `current_role`, and to list the valid next roles when it is not.
 */
import {
  type Basis,
  type Department,
  edges,
  type LadderEdge,
  type Role,
  type RoleId,
  roles,
  seniorOptionalEdges,
} from "./ladder-data.js";

export type { Basis, Department, LadderEdge, Role, RoleId } from "./ladder-data.js";
export { edges, roles, seniorOptionalEdges } from "./ladder-data.js";

/** The graphs' edges, then the steps the prose adds (see seniorOptionalEdges). */
const allEdges: readonly LadderEdge[] = [...edges, ...seniorOptionalEdges];

/** In the seed's order, for error messages such as "department must be one of ...". */
export const DEPARTMENTS: readonly Department[] = [
  "Development",
  "Security",
  "Quality",
  "Support",
  "UX",
  "Infrastructure",
];

export interface NextRole {
  readonly role: Role;
  readonly basis: Basis;
}

const byId = new Map<RoleId, Role>(roles.map((role) => [role.id, role]));

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
export function graphIdOf(role: Role): string {
  return role.graphId ?? role.id;
}

/**
 * Every role that the text names. An id is unique, so an id match returns that role alone. A display
 * name can belong to several departments ("Senior Backend Engineer" is in Development and
 * Infrastructure), and so can a seed node id ("eng:sbe"): those return every match, in seed order, so
 * the caller can ask which department is meant.
 */
export function findRoles(nameOrId: string, department?: Department): Role[] {
  const key = normalize(nameOrId);
  if (key === "") return [];
  const pool = department === undefined ? roles : roles.filter((role) => role.department === department);
  const byExactId = pool.find((role) => normalize(role.id) === key);
  if (byExactId !== undefined) return [byExactId];
  return pool.filter((role) => normalize(graphIdOf(role)) === key || normalize(role.name) === key);
}

/**
 * The role the text names, or undefined. When a name is shared across departments this is the first
 * in seed order (Development before Infrastructure); pass `department`, or use findRoles, to choose.
 */
export function findRole(nameOrId: string, department?: Department): Role | undefined {
  return findRoles(nameOrId, department)[0];
}

/** A string stands for every role it names (see findRoles); a Role stands for itself. */
function resolve(role: Role | string): Role[] {
  return typeof role === "string" ? findRoles(role) : [role];
}

/**
 * The roles one step up the ladder, each with the basis the promotion needs: the graphs' steps, and for
 * roles other than Engineer the step past Senior to the manager role (seniorOptionalEdges).
 */
export function nextRoles(role: Role | string): NextRole[] {
  const fromIds = new Set(resolve(role).map((r) => r.id));
  return allEdges
    .filter((edge) => fromIds.has(edge.from))
    .map((edge) => ({ role: byId.get(edge.to)!, basis: edge.basis }));
}

/**
 * The basis of a promotion from `from` to `to`, or undefined when the ladders have no such step.
 * With names shared across departments, a step in any one department's ladder counts.
 */
export function promotionBasis(from: Role | string, to: Role | string): Basis | undefined {
  const toIds = new Set(resolve(to).map((r) => r.id));
  return nextRoles(from).find((next) => toIds.has(next.role.id))?.basis;
}

export function isNextRole(from: Role | string, to: Role | string): boolean {
  return promotionBasis(from, to) !== undefined;
}
