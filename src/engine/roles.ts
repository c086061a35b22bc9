import type { Config } from "../config/schema.js";
import type { Facts, Role, WorkflowDefinition } from "../workflows/types.js";

export type RoleMap = Record<Role, string[]>;

/** Role -> usernames (lower-cased), with the config's `people_ops`, who may act in every role. */
export function roleMap(
  definition: WorkflowDefinition,
  data: unknown,
  facts: Facts,
  config: Config,
): RoleMap {
  const roles: RoleMap = {};
  const source =
    definition.roles?.(data as never, facts) ??
    Object.fromEntries(
      Object.entries(definition.people(data as never)).map(([field, name]) => [field, name ? [name] : []]),
    );
  for (const [role, names] of Object.entries(source)) {
    roles[role] = names.filter(Boolean).map((n) => n.toLowerCase());
  }
  roles.people_ops = config.people_ops.map((n) => n.toLowerCase());
  return roles;
}

export function hasRole(roles: RoleMap, allowed: Role[], username: string): boolean {
  const name = username.toLowerCase();
  if (roles.people_ops?.includes(name)) return true;
  return allowed.some((role) => roles[role]?.includes(name));
}

/** The roles a person holds in the workflow, `people_ops` included. */
export function rolesOf(roles: RoleMap, username: string): Role[] {
  const name = username.toLowerCase();
  return Object.entries(roles).flatMap(([role, names]) => (names.includes(name) ? [role] : []));
}

export function describeRoles(roles: RoleMap, allowed: Role[]): string {
  const namesOf = (list: Role[]) => [...new Set(list.flatMap((role) => roles[role] ?? []))];
  // People ops are named after "people ops", not among the role's people (carol is not the manager).
  const ops = namesOf(["people_ops"]);
  const opsText = ops.length > 0 ? `people ops (${ops.join(", ")})` : "people ops";
  // A decision reserved for people ops (`roles: []`) names only them.
  if (allowed.length === 0) return opsText;
  const names = namesOf(allowed);
  const roleNames = allowed.map((r) => r.replace(/_/g, " ")).join(" or ");
  return names.length > 0 ? `${roleNames} (${names.join(", ")}) or ${opsText}` : `${roleNames} or ${opsText}`;
}

/** The usernames of the given roles, once each: who a note mentions. */
export function peopleIn(roles: RoleMap, allowed: Role[]): string[] {
  return [...new Set(allowed.flatMap((role) => roles[role] ?? []))];
}

/**
 * The roles with their people, for the checklist ("manager (bob)", "team member (alice) or host
 * manager (dan)"). Usernames go without @: a description edit must not notify anyone.
 */
export function rolesWithPeople(roles: RoleMap, allowed: Role[]): string {
  const shown = allowed.filter((role) => role !== "people_ops");
  if (shown.length === 0) return "people ops";
  return shown
    .map((role) => {
      const names = roles[role] ?? [];
      const words = role.replace(/_/g, " ");
      return names.length > 0 ? `${words} (${names.join(", ")})` : words;
    })
    .join(" or ");
}
